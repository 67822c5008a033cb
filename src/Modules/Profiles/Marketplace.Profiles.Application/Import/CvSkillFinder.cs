using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Import;

/// <summary>A skill a CV mentions: the sentences it came from, and the years, last use and level the text suggests.</summary>
public sealed record CvSkillFinding(
    TaxonomySkill Skill,
    IReadOnlyList<string> Evidence,
    decimal? Years,
    int? LastUsed,
    SkillLevel SuggestedLevel,
    int Mentions);

/// <summary>
/// Finds the skills in a CV's text with the taxonomy's extraction, and reads around each mention: its sentence (the
/// evidence shown to the seeker), "5 years of Go" or "Go (3 yrs)" in that sentence for the years, and the dates of the
/// job it is listed under ("2019 – present") for the year last used and, when no years are written, the years of use.
/// </summary>
public static partial class CvSkillFinder
{
    public const int MaxEvidenceLength = 240;
    private const int MaxYearsDistance = 80;

    public static IReadOnlyList<CvSkillFinding> Find(string text, ITaxonomy taxonomy, int currentYear)
    {
        var mentions = taxonomy.Extract(text);
        if (mentions.Count == 0)
        {
            return [];
        }

        var sentences = Sentences(text);
        var paragraphs = Paragraphs(text);
        var ranges = DateRanges(text, currentYear);
        var bySkill = new Dictionary<string, Accumulator>();
        var order = new List<string>();
        foreach (var mention in mentions)
        {
            if (!bySkill.TryGetValue(mention.Skill.Id, out var found))
            {
                bySkill[mention.Skill.Id] = found = new Accumulator(mention.Skill);
                order.Add(mention.Skill.Id);
            }

            found.Mentions++;
            var sentence = sentences.First(s => s.Start <= mention.Start && mention.Start < s.End);
            var sentenceText = text[sentence.Start..sentence.End];
            found.AddEvidence(Excerpt(text, sentence, mention.Start, mention.Length));
            var others = mentions.Where(m => m != mention && m.Start >= sentence.Start && m.Start < sentence.End)
                .Select(m => new Span(m.Start - sentence.Start, m.Start - sentence.Start + m.Length)).ToList();
            if (NearestYears(sentenceText, mention.Start - sentence.Start, mention.Length, others) is { } years)
            {
                found.Years = Math.Max(found.Years ?? 0, years);
            }

            found.Cue = Cue(sentenceText) is { } cue ? (SkillLevel)Math.Max((int)(found.Cue ?? cue), (int)cue) : found.Cue;
            var paragraph = paragraphs.First(p => p.Start <= mention.Start && mention.Start < p.End);
            var lineEnd = text.IndexOf('\n', mention.Start) is var n and >= 0 ? n : text.Length;
            // The job a bullet belongs to: the last dates written before the end of its line, in its paragraph.
            if (ranges.LastOrDefault(r => r.Start >= paragraph.Start && r.Start < Math.Min(lineEnd, paragraph.End)) is { } range)
            {
                found.Ranges.Add(range);
            }
        }

        return [.. order.Select(id => bySkill[id].ToFinding())];
    }

    private sealed class Accumulator(TaxonomySkill skill)
    {
        private readonly List<string> _evidence = [];

        public int Mentions { get; set; }

        public decimal? Years { get; set; }

        public SkillLevel? Cue { get; set; }

        public List<DateRange> Ranges { get; } = [];

        public void AddEvidence(string sentence)
        {
            if (_evidence.Count < 2 && !_evidence.Contains(sentence))
            {
                _evidence.Add(sentence);
            }
        }

        public CvSkillFinding ToFinding()
        {
            var years = Years ?? (Ranges.Count > 0 ? Math.Min(ProfileSkill.MaxYears, CoveredYears(Ranges)) : null);
            int? lastUsed = Ranges.Count > 0 ? Ranges.Max(r => r.To) : null;
            return new CvSkillFinding(skill, _evidence, years, lastUsed, Cue ?? LevelFor(years), Mentions);
        }
    }

    private readonly record struct Span(int Start, int End);

    private sealed record DateRange(int Start, int From, int To);

    /// <summary>A level from the years alone, modest on purpose: the seeker checks it.</summary>
    private static SkillLevel LevelFor(decimal? years) => years switch
    {
        null => SkillLevel.Competent,
        < 1 => SkillLevel.Beginner,
        < 5 => SkillLevel.Competent,
        _ => SkillLevel.Proficient,
    };

    private static SkillLevel? Cue(string sentence)
    {
        if (ExpertCue().IsMatch(sentence)) return SkillLevel.Expert;
        if (BeginnerCue().IsMatch(sentence)) return SkillLevel.Beginner;
        return null;
    }

    private static decimal CoveredYears(List<DateRange> ranges)
    {
        var merged = new List<(int From, int To)>();
        foreach (var (from, to) in ranges.Select(r => (r.From, r.To)).Distinct().OrderBy(r => r.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        // A range within one year ("2021 – 2021") counts as half a year rather than none.
        return merged.Sum(r => r.To == r.From ? 0.5m : r.To - r.From);
    }

    // The closest "N years" in the sentence, unless a comma, a semicolon or another skill stands between: in "Python for
    // 3 years, then Go" the years are Python's only.
    private static decimal? NearestYears(string sentence, int mentionStart, int mentionLength, List<Span> others)
    {
        decimal? best = null;
        var bestDistance = int.MaxValue;
        foreach (Match match in YearsOfUse().Matches(sentence))
        {
            var after = match.Index >= mentionStart + mentionLength;
            var gap = after ? new Span(mentionStart + mentionLength, match.Index) : new Span(match.Index + match.Length, mentionStart);
            var distance = Math.Max(0, gap.End - gap.Start);
            if (distance > MaxYearsDistance || distance >= bestDistance
                || (distance > 0 && sentence.AsSpan(gap.Start, distance).IndexOfAny(",;") >= 0)
                || others.Any(o => o.Start >= gap.Start && o.End <= gap.End))
            {
                continue;
            }

            if (decimal.TryParse(match.Groups["n"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var years)
                && years is > 0 and <= ProfileSkill.MaxYears)
            {
                best = decimal.Round(years, 1);
                bestDistance = distance;
            }
        }

        return best;
    }

    private static List<DateRange> DateRanges(string text, int currentYear)
    {
        var result = new List<DateRange>();
        foreach (Match match in DateRangePattern().Matches(text))
        {
            var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
            var to = match.Groups["to"].Value is var end && char.IsAsciiDigit(end[0]) ? int.Parse(end, CultureInfo.InvariantCulture) : currentYear;
            if (from <= to && to <= currentYear && from >= ProfileSkill.EarliestYear)
            {
                result.Add(new DateRange(match.Index, from, to));
            }
        }

        return result;
    }

    // A sentence ends at a line break, or at ".", "!" or "?" before white space (so ".NET", "Node.js" and "3.11" stay whole).
    private static List<Span> Sentences(string text)
    {
        var spans = new List<Span>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ends = c is '\n' or '\r' || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (ends)
            {
                spans.Add(new Span(start, c is '.' or '!' or '?' ? i + 1 : i));
                start = i + 1;
            }
        }

        spans.Add(new Span(start, text.Length));
        return spans;
    }

    private static List<Span> Paragraphs(string text)
    {
        var spans = new List<Span>();
        var start = 0;
        foreach (Match blank in BlankLines().Matches(text))
        {
            spans.Add(new Span(start, blank.Index));
            start = blank.Index + blank.Length;
        }

        spans.Add(new Span(start, text.Length));
        return spans;
    }

    private static string Excerpt(string text, Span sentence, int mentionStart, int mentionLength)
    {
        var start = sentence.Start;
        var end = sentence.End;
        if (end - start > MaxEvidenceLength)
        {
            var half = (MaxEvidenceLength - mentionLength) / 2;
            start = Math.Max(sentence.Start, mentionStart - half);
            end = Math.Min(sentence.End, start + MaxEvidenceLength);
        }

        var excerpt = WhiteSpace().Replace(text[start..end], " ").Trim().TrimStart('•', '-', '*', '·', '–', ' ');
        return (start > sentence.Start ? "…" : "") + excerpt + (end < sentence.End ? "…" : "");
    }

    [GeneratedRegex(@"(?<n>\d{1,2}(?:[.,]\d)?)\s*\+?\s*(?:years?|yrs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearsOfUse();

    [GeneratedRegex(@"(?<![\d/.])(?:(?:[A-Za-z]{3,9}\.?|\d{1,2}[/.])\s*)?(?<from>(?:19|20)\d{2})\s*(?:–|—|-|to|until|till|bis)\s*(?:(?:[A-Za-z]{3,9}\.?|\d{1,2}[/.])\s*)?(?<to>(?:19|20)\d{2}|present|now|today|current|ongoing|heute)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateRangePattern();

    [GeneratedRegex(@"\b(?:expert|expertise|in-depth|deep knowledge|mastery)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExpertCue();

    [GeneratedRegex(@"\b(?:basic|basics|familiar|familiarity|exposure|beginner|learning|some experience)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BeginnerCue();

    [GeneratedRegex(@"(?:\r?\n[ \t]*){2,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
