using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Companies;

namespace Marketplace.Jobs.Application.Postings.PersonalData;

/// <summary>The Jobs module's part of a user's data export: the postings they published and their company membership.</summary>
public sealed class JobsPersonalData(IPostingRepository postings, ICompanyRepository companies) : IPersonalDataSource
{
    public string Module => "jobs";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var published = await postings.ListByEmployerAsync(userId, cancellationToken);
        var company = await companies.FindByMemberAsync(userId, cancellationToken);
        var membership = company?.MemberOf(userId);
        return new
        {
            Company = company is null || membership is null
                ? null
                : new { company.Id, company.Name, Role = membership.Role.ToString(), membership.JoinedAt },
            PublishedPostings = published.Select(p => new { p.Id, p.Title, p.Company, p.PublishedAt, p.UpdatedAt }).ToList(),
        };
    }
}
