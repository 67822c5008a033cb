using Marketplace.Skills.Taxonomy;

namespace Marketplace.Cli.Commands;

/// <summary>`taxonomy check`: loads the embedded taxonomy and prints its size, its errors and its warnings (exit 1 on errors).</summary>
public sealed class CheckTaxonomyCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["taxonomy", "check"];
    public string Usage => "taxonomy check";
    public string Summary => "validates the embedded taxonomy; prints counts, errors and warnings";

    public int Run(CommandContext context)
    {
        if (context.Args.Count > 0) return Arguments.Unexpected(context, context.Args[0], Usage);
        var result = SkillTaxonomy.LoadEmbeddedResult();
        foreach (string e in result.Errors) context.Out.WriteLine($"error: {e}");
        foreach (string w in result.Warnings) context.Out.WriteLine($"warning: {w}");
        if (result.Taxonomy is { } t)
        {
            int ambiguous = t.Skills.Sum(s => t.AliasesOf(s).Count(a => a.Ambiguous));
            context.Out.WriteLine($"skills: {t.Skills.Count}, alias keys (names included): {t.AliasCount}, ambiguous: {ambiguous}");
            foreach (var g in t.Skills.GroupBy(s => s.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
                context.Out.WriteLine($"  {g.Key,-14} {g.Count()}");
        }
        return result.IsSuccess ? ExitCodes.Success : ExitCodes.Failure;
    }
}
