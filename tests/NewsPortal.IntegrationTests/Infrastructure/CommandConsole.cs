using Spectre.Console;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>A plain-text console that records what a command prints (no colours, no live progress).</summary>
public sealed class CommandConsole : IDisposable
{
    private readonly StringWriter _writer = new();

    public CommandConsole(int width)
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = width;
    }

    public IAnsiConsole Console { get; }

    public string Output => _writer.ToString();

    public void Dispose() => _writer.Dispose();
}
