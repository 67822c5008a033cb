using Marketplace.Identity.Contracts;

namespace Marketplace.Matching.Application.Candidates.PersonalData;

/// <summary>
/// The contact requests companies sent a seeker, in their data export: which company asked about which posting, with its
/// message, and the state of the request. Who at the company asked is the company's member's data, not the seeker's.
/// </summary>
public sealed class ContactRequestsPersonalData(ICandidateStore store) : IPersonalDataSource
{
    public string Module => "contact_requests";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var requests = await store.RequestsOfSeekerAsync(userId, cancellationToken);
        return requests.Count == 0
            ? null
            : requests.Select(r => new
            {
                r.Id,
                r.PostingId,
                Posting = r.PostingTitle,
                r.Company,
                r.Message,
                Status = r.Status.ToString(),
                r.RequestedAt,
                r.AnsweredAt,
            }).ToList();
    }
}
