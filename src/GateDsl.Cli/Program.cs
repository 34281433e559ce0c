namespace GateDsl.Cli;

/// <summary>The <c>gatec</c> executable: everything happens in <see cref="GatecApp"/>.</summary>
internal static class Program
{
    private static int Main(string[] args) => GatecApp.Run(args, Console.Out, Console.Error);
}
