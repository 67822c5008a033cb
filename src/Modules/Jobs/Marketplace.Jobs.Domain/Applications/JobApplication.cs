using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Jobs.Domain.Applications;

/// <summary>
/// A seeker's application to a posting: a snapshot of their profile (and of the match, once matching explains one), an
/// optional cover note and the CV text, and the history of its stages. The company's notes on it are private to the
/// company. When the applicant's account is deleted, the fact of the application and its stages stay, and nothing that
/// says who they were ("deleted applicant").
/// </summary>
public sealed class JobApplication : AggregateRoot<Guid>
{
    public const int MaxCoverNoteLength = 5_000;
    public const int MaxCvTextLength = 100_000;
    public const int MaxNoteLength = 5_000;
    public const int MaxReasonLength = 2_000;
    public const int MaxNotes = 200;

    private readonly List<StageChange> _history = [];
    private readonly List<ApplicantNote> _notes = [];

    private JobApplication()
    {
    }

    public Guid PostingId { get; private set; }

    public Guid? CompanyId { get; private set; }

    /// <summary>The applicant's user id; null once their account is deleted.</summary>
    public Guid? ApplicantId { get; private set; }

    public ApplicationStage Stage { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? CoverNote { get; private set; }

    public string? CvText { get; private set; }

    public ProfileSnapshot? Profile { get; private set; }

    /// <summary>Null while matching gives no explanation (the Matching module has not landed yet).</summary>
    public MatchSnapshot? Match { get; private set; }

    /// <summary>The reason given with the last rejection.</summary>
    public string? RejectionReason { get; private set; }

    public IReadOnlyList<StageChange> History => _history;

    public IReadOnlyList<ApplicantNote> Notes => _notes;

    /// <summary>Grows with every change; a change from a stale read is a conflict.</summary>
    public int Revision { get; private set; }

    public bool IsAnonymised => ApplicantId is null;

    /// <summary>
    /// A seeker applies to a posting that takes applications (the caller checks the posting's status and that they did not
    /// apply before: those are facts about other aggregates).
    /// </summary>
    public static Result<JobApplication> Submit(
        Guid id, Guid postingId, Guid? companyId, Guid applicantId, ProfileSnapshot profile, MatchSnapshot? match, string? coverNote, string? cvText, DateTimeOffset now)
    {
        var note = string.IsNullOrWhiteSpace(coverNote) ? null : coverNote.Trim();
        if (note is { Length: > MaxCoverNoteLength })
        {
            return Error.Validation("CoverNote", $"A cover note has at most {MaxCoverNoteLength:N0} characters.");
        }

        var application = new JobApplication
        {
            Id = id,
            PostingId = postingId,
            CompanyId = companyId,
            ApplicantId = applicantId,
            Stage = ApplicationStage.Applied,
            SubmittedAt = now,
            UpdatedAt = now,
            CoverNote = note,
            CvText = string.IsNullOrWhiteSpace(cvText) ? null : cvText.Length > MaxCvTextLength ? cvText[..MaxCvTextLength] : cvText,
            Profile = profile,
            Match = match,
            Revision = 1,
        };
        application._history.Add(new StageChange(now, applicantId, ByApplicant: true, From: null, ApplicationStage.Applied, Reason: null));
        return application;
    }

    /// <summary>A member of the company moves the application; a rejection needs the reason the applicant will read.</summary>
    public Result MoveTo(ApplicationStage to, Guid memberId, string? reason, DateTimeOffset now)
    {
        if (!ApplicationStages.CompanyMayMove(Stage, to))
        {
            return Error.Conflict("application.stage", RefusalOf(to));
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (to == ApplicationStage.Rejected && why is null)
        {
            return Error.Validation("Reason", "Choose the reason the applicant will read.");
        }

        if (why is { Length: > MaxReasonLength })
        {
            return Error.Validation("Reason", $"A reason has at most {MaxReasonLength:N0} characters.");
        }

        Record(new StageChange(now, memberId, ByApplicant: false, Stage, to, to == ApplicationStage.Rejected ? why : null));
        if (to == ApplicationStage.Rejected)
        {
            RejectionReason = why;
        }

        return Result.Success();
    }

    /// <summary>The applicant withdraws an application that is still open.</summary>
    public Result Withdraw(DateTimeOffset now)
    {
        if (Stage.IsFinal())
        {
            return Error.Conflict("application.final", $"This application is already {Stage.ToString().ToLowerInvariant()}; it cannot be withdrawn.");
        }

        Record(new StageChange(now, ApplicantId, ByApplicant: true, Stage, ApplicationStage.Withdrawn, Reason: null));
        return Result.Success();
    }

    public Result<ApplicantNote> AddNote(Guid memberId, string? text, DateTimeOffset now)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNoteLength)
        {
            return Error.Validation("Text", $"A note has 1 to {MaxNoteLength:N0} characters.");
        }

        if (_notes.Count >= MaxNotes)
        {
            return Error.Conflict("application.notes", $"An applicant has at most {MaxNotes} notes.");
        }

        var note = new ApplicantNote(Guid.CreateVersion7(now), now, memberId, trimmed);
        _notes.Add(note);
        UpdatedAt = now;
        Revision++;
        return note;
    }

    /// <summary>
    /// The applicant's account is gone: everything that says who they were goes (profile, cover note, CV text, the notes
    /// about them); the fact of the application and its stages stay, for the company's records and for ranking.
    /// </summary>
    public void ForgetApplicant(DateTimeOffset now)
    {
        ApplicantId = null;
        Profile = null;
        Match = null;
        CoverNote = null;
        CvText = null;
        _notes.Clear();
        for (var i = 0; i < _history.Count; i++)
        {
            if (_history[i].ByApplicant)
            {
                _history[i] = _history[i] with { By = null };
            }
        }

        UpdatedAt = now;
        Revision++;
    }

    private void Record(StageChange change)
    {
        _history.Add(change);
        Stage = change.To;
        UpdatedAt = change.At;
        Revision++;
    }

    private string RefusalOf(ApplicationStage to) => (Stage, to) switch
    {
        _ when Stage.IsFinal() => $"This application is {Stage.ToString().ToLowerInvariant()}; its stage no longer changes.",
        _ when Stage == to => $"This application is already at {to}.",
        (_, ApplicationStage.Withdrawn) => "Only the applicant can withdraw an application.",
        (_, ApplicationStage.Hired) => "Make an offer before you hire: move the application to Offer first.",
        _ => $"An application cannot move from {Stage} to {to}.",
    };
}
