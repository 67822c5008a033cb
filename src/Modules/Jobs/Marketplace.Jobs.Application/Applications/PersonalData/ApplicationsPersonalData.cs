using Marketplace.Identity.Contracts;

namespace Marketplace.Jobs.Application.Applications.PersonalData;

/// <summary>
/// A seeker's applications in their data export: what they sent (cover note, CV text, the profile as it was) and each
/// stage with the reasons they were given. The companies' private notes are the companies' own and are not in it.
/// </summary>
public sealed class ApplicationsPersonalData(IApplicationRepository applications) : IPersonalDataSource
{
    public string Module => "applications";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var mine = await applications.ListByApplicantAsync(userId, forUpdate: false, cancellationToken);
        if (mine.Count == 0)
        {
            return null;
        }

        var postings = await applications.PostingHeadingsAsync([.. mine.Select(a => a.PostingId).Distinct()], cancellationToken);
        return mine.Select(a => new
        {
            a.Id,
            a.PostingId,
            Posting = postings.GetValueOrDefault(a.PostingId)?.Title,
            Company = postings.GetValueOrDefault(a.PostingId)?.Company,
            Stage = a.Stage.ToString(),
            a.SubmittedAt,
            a.CoverNote,
            a.CvText,
            a.Profile,
            Stages = a.History.Select(h => new { h.At, From = h.From?.ToString(), To = h.To.ToString(), h.Reason }),
        }).ToList();
    }
}
