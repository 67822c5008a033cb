namespace Marketplace.Cli.Commands;

/// <summary>`skills normalize`: one mention per stdin line, writes mention TAB canonical ids (comma-separated in order of appearance; empty when unknown).</summary>
public sealed class NormalizeSkillsCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["skills", "normalize"];
    public string Usage => "skills normalize < mentions.txt";
    public string Summary => "writes 'mention<TAB>canonical-ids' per line (comma-separated for compound mentions, empty when unknown)";

    public int Run(CommandContext context)
    {
        if (context.Args.Count > 0) return Arguments.Unexpected(context, context.Args[0], Usage);
        var taxonomy = context.Taxonomy();
        while (context.In.ReadLine() is { } line)
            context.Out.WriteLine($"{line}\t{string.Join(',', taxonomy.Normalize(line).Select(s => s.Id))}");
        return ExitCodes.Success;
    }
}
