namespace GateDsl.Cli.Bench;

/// <summary>One thing the benchmark times: a forward and backward pass of one batch.</summary>
internal interface IWorkload : IDisposable
{
    /// <summary>How the row names it.</summary>
    string Name { get; }

    /// <summary>Runs one iteration (everything it makes is disposed before it returns).</summary>
    void Run();
}
