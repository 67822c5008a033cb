using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Edit;

/// <summary>An employer edits a posting they read at <see cref="Version"/>; a stale version is a conflict, never a silent overwrite.</summary>
public sealed record EditPosting(
    Guid Id,
    uint Version,
    string? Title,
    string? Company,
    string? Description,
    string? Seniority,
    string? Location,
    string? WorkMode,
    SalaryInput? Salary,
    IReadOnlyList<SkillRequirementInput>? RequiredSkills,
    IReadOnlyList<SkillRequirementInput>? NiceToHaveSkills) : ICommand<Result>, IPostingFields;

public sealed class EditPostingValidator : PostingFieldsValidator<EditPosting>
{
    public EditPostingValidator() => RuleFor(p => p.Version).NotEmpty().WithMessage("Send the version you read, to edit the posting.");
}

public sealed class EditPostingHandler(IPostingRepository postings, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<EditPosting, Result>
{
    public async ValueTask<Result> Handle(EditPosting command, CancellationToken cancellationToken)
    {
        var posting = await postings.GetForUpdateAsync(command.Id, command.Version, cancellationToken);
        if (posting is null)
        {
            return Error.NotFound("posting", command.Id);
        }

        // Only the posting's employer (or an admin) may edit it; checked before the version, so nothing leaks.
        if (posting.EmployerId != currentUser.UserId && !currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only the employer who published this posting may edit it.");
        }

        if (posting.Version != command.Version)
        {
            return Error.Conflict("posting.stale_version", "The posting changed since you read it; reload it and edit again.");
        }

        return posting.Edit(command.ToDetails(), clock.GetUtcNow());
    }
}
