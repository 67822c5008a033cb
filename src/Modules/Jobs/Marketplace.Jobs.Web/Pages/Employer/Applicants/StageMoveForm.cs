using Marketplace.Jobs.Application.Applications.Move;

namespace Marketplace.Jobs.Web.Pages.Employer.Applicants;

/// <summary>
/// A move as the pipeline's forms post it: the applicants chosen ("id:version" each), the stage, and for a rejection a
/// reason picked from the company's templates or written out (the written one wins).
/// </summary>
public sealed class StageMoveForm
{
    public List<string> Selected { get; set; } = [];

    public string? Stage { get; set; }

    public string? Template { get; set; }

    public string? OwnReason { get; set; }

    public string? Reason => string.IsNullOrWhiteSpace(OwnReason) ? Template : OwnReason;

    public IReadOnlyList<ApplicationToMove> Applications() =>
    [
        .. Selected.Select(s => s.Split(':')).Where(p => Guid.TryParse(p[0], out _))
            .Select(p => new ApplicationToMove(Guid.Parse(p[0]), p.Length > 1 && int.TryParse(p[1], out var v) ? v : null)),
    ];

    public static string Describe(MoveOutcomeDto outcome, string stage) =>
        (outcome.Moved.Count == 1 ? $"Moved {outcome.Moved[0].ApplicantName} to {stage}." : $"Moved {outcome.Moved.Count} applicants to {stage}.")
        + (outcome.Refused.Count == 0 ? "" : $" {outcome.Refused.Count} could not move: {string.Join(" ", outcome.Refused.Select(r => r.Reason).Distinct())}");
}
