using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Domain.Postings;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Create;

/// <summary>
/// An employer writes a posting: kept as a draft, or published at once (<see cref="Publish"/>, the default for API
/// clients); publishing tells the other modules through <see cref="PostingPublished"/>. Answers the stored posting.
/// </summary>
public sealed record CreatePosting(
    string? Title,
    string? Company,
    string? Description,
    string? Seniority,
    string? WorkMode,
    IReadOnlyList<PlaceInput>? Locations,
    IReadOnlyList<string>? AcceptedCountries,
    SalaryInput? Salary,
    IReadOnlyList<SkillInput>? Skills,
    bool Publish = true) : ICommand<Result<PostingDto>>, IPostingFields;

public sealed class CreatePostingValidator : PostingFieldsValidator<CreatePosting>;

public sealed class CreatePostingHandler(
    IPostingRepository postings,
    PostingAccess access,
    SkillCatalog skills,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<CreatePosting, Result<PostingDto>>
{
    public async ValueTask<Result<PostingDto>> Handle(CreatePosting command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Error.Forbidden("Sign in as an employer to write a posting.");
        }

        // A member of a company writes for it, under its name; an employer without one names the company.
        var company = await access.CurrentCompanyAsync(cancellationToken);
        var details = command.ToDetails(skills, company?.Name);
        if (details.IsFailure)
        {
            return Result<PostingDto>.Failure(details.Errors);
        }

        var now = clock.GetUtcNow();
        var drafted = JobPosting.Draft(Guid.CreateVersion7(now), details.Value, userId, company?.Id, now);
        if (drafted.IsFailure)
        {
            return Result<PostingDto>.Failure(drafted.Errors);
        }

        var posting = drafted.Value;
        if (command.Publish)
        {
            var published = posting.Publish(now);
            if (published.IsFailure)
            {
                return Result<PostingDto>.Failure(published.Errors);
            }

            events.Publish(new PostingPublished(Guid.CreateVersion7(now), now, PostingSnapshots.Of(posting)));
        }

        postings.Add(posting);
        return PostingDto.From(posting, skills);
    }
}
