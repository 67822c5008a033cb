using Marketplace.Skills.Taxonomy;
using Marketplace.Skills.Text;

namespace Marketplace.Matching.Contracts.Taxonomy;

/// <summary>Where a mention the taxonomy did not know was written.</summary>
public enum UnknownMentionOrigin
{
    Profile,
    Posting,
    Search,
    CourseImport,
}

/// <summary>
/// The skills taxonomy as every module should use it: the embedded data with the admins' overlay (kept current in every process
/// within about a second), and the admins' queue of mentions that named no skill. Matching owns both.
/// </summary>
public interface ISkillsFacade
{
    /// <summary>The current taxonomy (embedded data plus overlay); an immutable snapshot, so hold it for one piece of work only.</summary>
    SkillTaxonomy Current { get; }

    /// <summary>The canonical skills a mention names, in order; empty when unknown (never a guess).</summary>
    IReadOnlyList<Skill> Normalize(string? mention);

    /// <summary>Typeahead suggestions for what someone is typing.</summary>
    IReadOnlyList<SkillSuggestion> Suggest(string? text, int limit = 8);

    /// <summary>
    /// Reports mentions of one place (a profile, posting, search or course import, by its id) that named no skill; each place counts
    /// once per mention however often it reports, so a retry is harmless. Mentions the taxonomy knows are ignored. Runs in its own
    /// transaction.
    /// </summary>
    Task ReportUnknownAsync(UnknownMentionOrigin origin, string placeId, IReadOnlyCollection<string> mentions, CancellationToken cancellationToken);
}
