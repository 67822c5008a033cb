using Marketplace.Cli.Commands;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Cli;

/// <summary>What a command gets: its arguments after the command words, the streams and the taxonomy.</summary>
public sealed record CommandContext(IReadOnlyList<string> Args, TextReader In, TextWriter Out, TextWriter Error, Func<SkillTaxonomy> Taxonomy);

/// <summary>A command of the marketplace CLI; admin commands are added as more of these.</summary>
public interface ICliCommand
{
    /// <summary>The words that select it, e.g. ["skills", "normalize"].</summary>
    IReadOnlyList<string> Words { get; }

    string Usage { get; }

    string Summary { get; }

    int Run(CommandContext context);
}

/// <summary>Exit codes: 0 success, 1 an unexpected failure, 2 bad usage or bad input.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

/// <summary>The CLI's entry: finds the command by its words and runs it; never lets a stack trace out.</summary>
public sealed class CliApp(Func<SkillTaxonomy>? taxonomy = null)
{
    private readonly Func<SkillTaxonomy> _taxonomy = taxonomy ?? (() => SkillTaxonomy.Embedded);

    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new NormalizeSkillsCommand(),
        new ExtractSkillsCommand(),
        new ExplainMatchCommand(),
        new CheckTaxonomyCommand(),
    ];

    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteHelp(args.Length == 0 ? stderr : stdout);
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }
        var command = Commands
            .Where(c => c.Words.Count <= args.Length && c.Words.Select((w, i) => w == args[i]).All(x => x))
            .OrderByDescending(c => c.Words.Count)
            .FirstOrDefault();
        if (command is null)
        {
            stderr.WriteLine($"error: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'");
            WriteHelp(stderr);
            return ExitCodes.BadInput;
        }
        var rest = args.Skip(command.Words.Count).ToArray();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine($"usage: marketplace {command.Usage}");
            stdout.WriteLine(command.Summary);
            return ExitCodes.Success;
        }
        try
        {
            return command.Run(new CommandContext(rest, stdin, stdout, stderr, _taxonomy));
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("usage: marketplace <command> [options]");
        writer.WriteLine();
        foreach (var c in Commands) writer.WriteLine($"  {c.Usage,-62} {c.Summary}");
    }
}
