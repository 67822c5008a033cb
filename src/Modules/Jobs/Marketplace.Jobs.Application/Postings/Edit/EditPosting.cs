using System.Text.Json.Serialization;
using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Domain.Postings;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Edit;

/// <summary>
/// An employer edits a posting they read at <see cref="Version"/>; a stale version is a conflict, never a silent overwrite.
/// <see cref="Publish"/> publishes a draft in the same step. Answers the stored posting. The posting's id comes from the
/// address, never from the body.
/// </summary>
public sealed record EditPosting(
    int Version,
    string? Title,
    string? Company,
    string? Description,
    string? Seniority,
    string? WorkMode,
    IReadOnlyList<PlaceInput>? Locations,
    IReadOnlyList<string>? AcceptedCountries,
    SalaryInput? Salary,
    IReadOnlyList<SkillInput>? Skills,
    bool Publish = false) : ICommand<Result<PostingDto>>, IPostingFields
{
    [JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class EditPostingValidator : PostingFieldsValidator<EditPosting>
{
    public EditPostingValidator() => RuleFor(p => p.Version).GreaterThan(0).WithMessage("Send the version you read, to edit the posting.");
}

public sealed class EditPostingHandler(
    PostingAccess access,
    SkillCatalog skills,
    IIntegrationEventPublisher events,
    TimeProvider clock) : ICommandHandler<EditPosting, Result<PostingDto>>
{
    public async ValueTask<Result<PostingDto>> Handle(EditPosting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await PostingChanges.MakeAsync(access, skills, events, now, command.Id, command.Version, async posting =>
        {
            var company = posting.CompanyId is not null ? await access.CurrentCompanyAsync(cancellationToken) : null;
            var details = command.ToDetails(skills, company?.Id == posting.CompanyId ? company?.Name : posting.Company);
            if (details.IsFailure)
            {
                return Result.Failure(details.Errors);
            }

            var edited = posting.Edit(details.Value, now);
            return edited.IsSuccess && command.Publish ? posting.Publish(now) : edited;
        }, cancellationToken);
    }
}
