namespace GateDsl.Cli;

/// <summary>The process exit codes of <c>gatec</c>; other tools rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success: no errors (warnings allowed); for <c>fmt --check</c>, nothing would change.</summary>
    public const int Success = 0;

    /// <summary>The specs have errors, or <c>fmt --check</c> found files that would change.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown option, missing or non-existent file, unknown cell.</summary>
    public const int Usage = 2;

    /// <summary>A bug in gatec itself; the message says so and no stack trace is printed.</summary>
    public const int InternalError = 3;

    /// <summary>Training stopped by Ctrl-C after saving its state (128 + SIGINT, as shells report it); <c>--resume</c> continues.</summary>
    public const int Interrupted = 130;
}
