namespace Marketplace.Cli.Commands;

/// <summary>`skills normalize`: one mention per stdin line, writes mention TAB canonical-id (empty when unknown).</summary>
public sealed class NormalizeSkillsCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["skills", "normalize"];
    public string Usage => "skills normalize < mentions.txt";
    public string Summary => "writes 'mention<TAB>canonical-id' per line (empty id when unknown)";

    public int Run(CommandContext context)
    {
        if (context.Args.Count > 0) return Arguments.Unexpected(context, context.Args[0], Usage);
        var taxonomy = context.Taxonomy();
        while (context.In.ReadLine() is { } line)
            context.Out.WriteLine($"{line}\t{taxonomy.Normalize(line)?.Id}");
        return ExitCodes.Success;
    }
}
