namespace Marketplace.Cli.Commands;

/// <summary>`skills extract`: reads text on stdin, writes each skill found once, one canonical id per line, in order of first mention.</summary>
public sealed class ExtractSkillsCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["skills", "extract"];
    public string Usage => "skills extract [--positions] < text.txt";
    public string Summary => "writes one canonical id per line; --positions writes every mention as id TAB start TAB length TAB text";

    public int Run(CommandContext context)
    {
        bool positions = false;
        foreach (string a in context.Args)
        {
            if (a == "--positions") positions = true;
            else return Arguments.Unexpected(context, a, Usage);
        }
        var taxonomy = context.Taxonomy();
        var mentions = taxonomy.Extract(context.In.ReadToEnd());
        if (positions)
            foreach (var m in mentions) context.Out.WriteLine($"{m.Skill.Id}\t{m.Start}\t{m.Length}\t{m.Text.ReplaceLineEndings(" ")}");
        else
            foreach (var skill in mentions.Select(m => m.Skill).Distinct()) context.Out.WriteLine(skill.Id);
        return ExitCodes.Success;
    }
}
