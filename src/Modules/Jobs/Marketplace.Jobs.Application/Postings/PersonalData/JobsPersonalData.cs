using Marketplace.Identity.Contracts;

namespace Marketplace.Jobs.Application.Postings.PersonalData;

/// <summary>The Jobs module's part of a user's data export: the postings they published.</summary>
public sealed class JobsPersonalData(IPostingRepository postings) : IPersonalDataSource
{
    public string Module => "jobs";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var published = await postings.ListByEmployerAsync(userId, cancellationToken);
        return new
        {
            PublishedPostings = published.Select(p => new { p.Id, p.Title, p.Company, p.PublishedAt, p.UpdatedAt }).ToList(),
        };
    }
}
