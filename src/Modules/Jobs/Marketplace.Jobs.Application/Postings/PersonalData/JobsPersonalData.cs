using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Application.SavedSearches;

namespace Marketplace.Jobs.Application.Postings.PersonalData;

/// <summary>The Jobs module's part of a user's data export: the postings they published, their company membership and their saved searches.</summary>
public sealed class JobsPersonalData(IPostingRepository postings, ICompanyRepository companies, ISavedSearchRepository searches) : IPersonalDataSource
{
    public string Module => "jobs";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var published = await postings.ListByEmployerAsync(userId, cancellationToken);
        var company = await companies.FindByMemberAsync(userId, cancellationToken);
        var membership = company?.MemberOf(userId);
        var saved = await searches.ListByUserAsync(userId, cancellationToken);
        return new
        {
            Company = company is null || membership is null
                ? null
                : new { company.Id, company.Name, Role = membership.Role.ToString(), membership.JoinedAt },
            PublishedPostings = published.Select(p => new { p.Id, p.Title, p.Company, Status = p.Status.ToString(), p.CreatedAt, p.PublishedAt, p.UpdatedAt }).ToList(),
            SavedSearches = saved.Select(s => new { s.Id, s.Name, s.Criteria, Frequency = s.Frequency.ToString(), s.CreatedAt, s.LastAlertAt }).ToList(),
        };
    }
}
