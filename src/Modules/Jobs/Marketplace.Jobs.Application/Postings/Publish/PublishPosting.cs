using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Domain.Postings;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Publish;

/// <summary>An employer publishes a job posting; the other modules hear of it through <see cref="PostingPublished"/>.</summary>
public sealed record PublishPosting(
    string? Title,
    string? Company,
    string? Description,
    string? Seniority,
    string? Location,
    string? WorkMode,
    SalaryInput? Salary,
    IReadOnlyList<SkillRequirementInput>? RequiredSkills,
    IReadOnlyList<SkillRequirementInput>? NiceToHaveSkills) : ICommand<Result<Guid>>, IPostingFields;

public sealed class PublishPostingValidator : PostingFieldsValidator<PublishPosting>;

public sealed class PublishPostingHandler(
    IPostingRepository postings,
    ICompanyRepository companies,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<PublishPosting, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(PublishPosting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A member of a company publishes for it, under its name; an employer without one names the company as before.
        var company = currentUser.UserId is { } userId ? await companies.FindByMemberAsync(userId, cancellationToken) : null;
        var details = command.ToDetails();
        if (company is not null)
        {
            details = details with { Company = company.Name };
        }

        var published = JobPosting.Publish(Guid.CreateVersion7(now), details, currentUser.UserId, now, company?.Id);
        if (published.IsFailure)
        {
            return Result<Guid>.Failure(published.Errors);
        }

        var posting = published.Value;
        postings.Add(posting);
        events.Publish(new PostingPublished(
            Guid.CreateVersion7(now),
            now,
            posting.Id,
            posting.Title,
            posting.Company,
            [.. posting.RequiredSkills.Select(s => s.SkillId)],
            [.. posting.NiceToHaveSkills.Select(s => s.SkillId)]));
        return posting.Id;
    }
}
