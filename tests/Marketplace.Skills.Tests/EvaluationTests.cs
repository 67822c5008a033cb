using Marketplace.Skills.Taxonomy;
using Shouldly;
using Xunit.Abstractions;

namespace Marketplace.Skills.Tests;

/// <summary>
/// Recall and precision on hand-labelled skill mentions from public developer job postings (Evaluation/README.md). The floors are
/// the figures measured when the labels were made: coverage may only go up.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    private static readonly SkillTaxonomy T = SkillTaxonomy.Embedded;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Evaluation");

    private sealed record LabelledMention(string Text, IReadOnlySet<string> Expected, int Occurrences);

    private static List<LabelledMention> Mentions() =>
    [
        .. File.ReadLines(Path.Combine(Folder, "skillspan-tech-test-mentions.tsv"))
            .Where(l => !l.StartsWith('#') && l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new LabelledMention(f[0], f[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), int.Parse(f[2]))),
    ];

    private static (double Recall, double Precision, int Expected) Score(IEnumerable<(IReadOnlySet<string> Expected, IReadOnlySet<string> Found, int Weight)> items)
    {
        long tp = 0, fp = 0, fn = 0;
        foreach (var (expected, found, weight) in items)
        {
            tp += (long)expected.Count(found.Contains) * weight;
            fp += (long)found.Count(f => !expected.Contains(f)) * weight;
            fn += (long)expected.Count(e => !found.Contains(e)) * weight;
        }
        return (tp / (double)(tp + fn), tp / (double)(tp + fp), (int)(tp + fn));
    }

    [Fact]
    public void The_labels_name_only_skills_of_the_taxonomy_or_mark_them_missing()
    {
        var mentions = Mentions();
        mentions.Count.ShouldBeGreaterThan(400);
        mentions.SelectMany(m => m.Expected).Where(id => !id.StartsWith('?') && T.Find(id) is null).ShouldBeEmpty();
    }

    [Fact]
    public void Normalizing_labelled_mentions_keeps_its_recall_and_precision()
    {
        var scored = Mentions().Select(m => ((IReadOnlySet<string>)m.Expected, (IReadOnlySet<string>)T.Normalize(m.Text).Select(s => s.Id).ToHashSet(), m.Occurrences));
        var (recall, precision, expected) = Score(scored);
        output.WriteLine($"normalize: {expected} expected ids, recall {recall:P1} ({recall:F4}), precision {precision:P1} ({precision:F4})");
        recall.ShouldBeGreaterThanOrEqualTo(0.964);
        precision.ShouldBeGreaterThanOrEqualTo(0.994);
    }

    [Fact]
    public void Extracting_skills_from_labelled_sentences_keeps_its_recall_and_precision()
    {
        var labels = Mentions().ToDictionary(m => m.Text, m => m.Expected);
        var sentences = File.ReadLines(Path.Combine(Folder, "skillspan-tech-test-sentences.tsv"))
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(f => f[1].Length > 0)
            .ToList();
        sentences.Count.ShouldBeGreaterThan(300);
        var scored = sentences.Select(f => (
            (IReadOnlySet<string>)f[1].Split(" || ").SelectMany(span => labels[span]).ToHashSet(),
            (IReadOnlySet<string>)T.Extract(f[0]).Select(m => m.Skill.Id).ToHashSet(),
            1));
        var (recall, precision, expected) = Score(scored);
        output.WriteLine($"extract: {sentences.Count} sentences, {expected} expected ids, recall {recall:P1} ({recall:F4}), precision {precision:P1} ({precision:F4})");
        // Precision here counts every skill the annotators did not label in a sentence as an error, so it reads low.
        recall.ShouldBeGreaterThanOrEqualTo(0.848);
        precision.ShouldBeGreaterThanOrEqualTo(0.900);
    }
}
