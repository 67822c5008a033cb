using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Companies;
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

public sealed class EditPostingHandler(IPostingRepository postings, ICompanyRepository companies, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<EditPosting, Result>
{
    public async ValueTask<Result> Handle(EditPosting command, CancellationToken cancellationToken)
    {
        var posting = await postings.GetForUpdateAsync(command.Id, command.Version, cancellationToken);
        if (posting is null)
        {
            return Error.NotFound("posting", command.Id);
        }

        // The posting's employer, any member of its company, or an admin may edit it; checked before the version, so nothing leaks.
        var company = posting.CompanyId is { } companyId ? await companies.GetAsync(companyId, cancellationToken) : null;
        var isMember = company?.MemberOf(currentUser.UserId) is not null;
        if (posting.EmployerId != currentUser.UserId && !isMember && !currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only the employer who published this posting, or a member of its company, may edit it.");
        }

        if (posting.Version != command.Version)
        {
            return Error.Conflict("posting.stale_version", "The posting changed since you read it; reload it and edit again.");
        }

        var details = command.ToDetails();
        return posting.Edit(company is null ? details : details with { Company = company.Name }, clock.GetUtcNow());
    }
}
