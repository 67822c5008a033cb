using Marketplace.Jobs.Application.Matching;
using Marketplace.Jobs.Domain.Applications;

namespace Marketplace.Jobs.Application.Applications;

/// <summary>A step of an application's history as the applicant sees it: no names of the company's people.</summary>
public sealed record TimelineEntryDto(DateTimeOffset At, string? From, string To, string Text, string? Reason, bool ByApplicant);

/// <summary>One of the seeker's applications, with its timeline.</summary>
public sealed record MyApplicationDto(
    Guid Id,
    Guid PostingId,
    string PostingTitle,
    string Company,
    string Stage,
    string StageText,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? CoverNote,
    bool CanWithdraw,
    int Version,
    IReadOnlyList<TimelineEntryDto> Timeline);

/// <summary>A stage change as the company sees it: who made it (a member's user id, or null for the applicant or a deleted member).</summary>
public sealed record StageChangeDto(DateTimeOffset At, Guid? By, bool ByApplicant, string? From, string To, string? Reason);

public sealed record NoteDto(Guid Id, DateTimeOffset At, Guid? By, string Text);

public sealed record SkillDto(string? SkillId, string Name, int Level, string LevelName, decimal? Years, int? LastUsedYear);

/// <summary>The match explanation kept when the seeker applied; null when matching knew no match then (no profile yet).</summary>
public sealed record MatchDto(decimal Score, IReadOnlyList<MatchSkillDto> Skills, IReadOnlyList<MatchPartDto> Parts, IReadOnlyList<string> HardMismatches)
{
    public IEnumerable<MatchSkillDto> OfKind(string how) => Skills.Where(s => s.How == how);
}

/// <summary>A skill of a match explanation: how it counted (Matched, Inferred, Related, BelowLevel, Missing) and the credit it earned (0 to 1).</summary>
public sealed record MatchSkillDto(string SkillId, string Name, string How, decimal Contribution);

/// <summary>
/// An application as the posting's company sees it. A deleted applicant's has <see cref="ApplicantName"/> "Deleted
/// applicant" and no personal data.
/// </summary>
public sealed record ApplicantDto(
    Guid Id,
    Guid PostingId,
    string ApplicantName,
    bool Deleted,
    string? Headline,
    string Stage,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    MatchDto? Match,
    IReadOnlyList<SkillDto> Skills,
    string? CoverNote,
    string? CvText,
    string? RejectionReason,
    IReadOnlyList<string> NextStages,
    IReadOnlyList<StageChangeDto> History,
    IReadOnlyList<NoteDto> Notes);

/// <summary>A rejection reason as the pages show it: its title, and the text the applicant reads.</summary>
public sealed record RejectionReasonDto(string Title, string Text);

public static class ApplicationViews
{
    public const string DeletedApplicant = "Deleted applicant";

    /// <summary>The stages the company moves applications to, in the pipeline's order.</summary>
    public static IReadOnlyList<string> PipelineStages { get; } = [.. ApplicationStages.Pipeline.Select(s => s.ToString())];

    public static IReadOnlyList<RejectionReasonDto> DefaultReasons { get; } = Reasons(RejectionTemplates.Defaults);

    public static IReadOnlyList<RejectionReasonDto> Reasons(IReadOnlyList<RejectionTemplate> templates) =>
        [.. templates.Select(t => new RejectionReasonDto(t.Title, t.Text))];

    public static ApplicantDto ForCompany(JobApplication a) => new(
        a.Id,
        a.PostingId,
        a.IsAnonymised ? DeletedApplicant : a.Profile?.DisplayName ?? "Unnamed applicant",
        a.IsAnonymised,
        a.Profile?.Headline,
        a.Stage.ToString(),
        a.SubmittedAt,
        a.UpdatedAt,
        a.Revision,
        a.Match is { } m
            ? new MatchDto(m.Score, [.. m.Skills.Select(k => new MatchSkillDto(k.SkillId, k.Name, k.How, k.Contribution))],
                [.. (m.Parts ?? []).Select(p => new MatchPartDto(p.Name, (double)p.Points, (double)p.MaxPoints))], m.HardMismatches ?? [])
            : null,
        [.. (a.Profile?.Skills ?? []).Select(s => new SkillDto(s.SkillId, s.Name, s.Level, s.LevelName, s.Years, s.LastUsedYear))],
        a.CoverNote,
        a.CvText,
        a.RejectionReason,
        [.. ApplicationStages.Pipeline.Where(to => ApplicationStages.CompanyMayMove(a.Stage, to)).Select(s => s.ToString())],
        [.. a.History.Select(h => new StageChangeDto(h.At, h.By, h.ByApplicant, h.From?.ToString(), h.To.ToString(), h.Reason))],
        [.. a.Notes.Select(n => new NoteDto(n.Id, n.At, n.By, n.Text))]);

    public static MyApplicationDto ForApplicant(JobApplication a, PostingHeading? posting) => new(
        a.Id,
        a.PostingId,
        posting?.Title ?? "A posting that is gone",
        posting?.Company ?? "",
        a.Stage.ToString(),
        a.Stage.Describe(),
        a.SubmittedAt,
        a.UpdatedAt,
        a.CoverNote,
        !a.Stage.IsFinal(),
        a.Revision,
        [.. a.History.Select(h => new TimelineEntryDto(h.At, h.From?.ToString(), h.To.ToString(), h.To.Describe(), h.Reason, h.ByApplicant))]);
}
