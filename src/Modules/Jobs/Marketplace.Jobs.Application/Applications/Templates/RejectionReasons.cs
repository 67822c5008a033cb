using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Domain.Applications;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Templates;

public sealed record RejectionReasonInput(string? Title, string? Text);

/// <summary>The rejection reasons the current employer's company chooses from (the defaults until it edits them).</summary>
public sealed record GetRejectionReasons : IQuery<Result<IReadOnlyList<RejectionReasonDto>>>;

/// <summary>A member of the company replaces its rejection reasons; blank rows are dropped.</summary>
public sealed record SaveRejectionReasons(IReadOnlyList<RejectionReasonInput>? Templates) : ICommand<Result<IReadOnlyList<RejectionReasonDto>>>;

/// <summary>Whose reasons the current employer edits: their company's, or their own without one.</summary>
public sealed class RejectionReasonOwner(ICompanyRepository companies, ICurrentUser currentUser)
{
    public async Task<Guid?> OwnerAsync(CancellationToken cancellationToken) =>
        currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.Employer)
            ? null
            : (await companies.FindByMemberAsync(userId, cancellationToken))?.Id ?? userId;
}

public sealed class GetRejectionReasonsHandler(RejectionReasonOwner owner, IApplicationRepository applications)
    : IQueryHandler<GetRejectionReasons, Result<IReadOnlyList<RejectionReasonDto>>>
{
    public async ValueTask<Result<IReadOnlyList<RejectionReasonDto>>> Handle(GetRejectionReasons query, CancellationToken cancellationToken)
    {
        if (await owner.OwnerAsync(cancellationToken) is not { } ownerId)
        {
            return Error.Forbidden();
        }

        var templates = await applications.FindTemplatesAsync(ownerId, forUpdate: false, cancellationToken);
        return Result<IReadOnlyList<RejectionReasonDto>>.Success(templates is null ? ApplicationViews.DefaultReasons : ApplicationViews.Reasons(templates.Items));
    }
}

public sealed class SaveRejectionReasonsHandler(RejectionReasonOwner owner, IApplicationRepository applications, TimeProvider clock)
    : ICommandHandler<SaveRejectionReasons, Result<IReadOnlyList<RejectionReasonDto>>>
{
    public async ValueTask<Result<IReadOnlyList<RejectionReasonDto>>> Handle(SaveRejectionReasons command, CancellationToken cancellationToken)
    {
        if (await owner.OwnerAsync(cancellationToken) is not { } ownerId)
        {
            return Error.Forbidden();
        }

        var now = clock.GetUtcNow();
        var templates = await applications.FindTemplatesAsync(ownerId, forUpdate: true, cancellationToken);
        if (templates is null)
        {
            templates = RejectionTemplates.Start(ownerId, now);
            applications.Add(templates);
        }

        var replaced = templates.Replace([.. (command.Templates ?? []).Select(t => (t.Title, t.Text))], now);
        return replaced.IsSuccess
            ? Result<IReadOnlyList<RejectionReasonDto>>.Success(ApplicationViews.Reasons(templates.Items))
            : Result<IReadOnlyList<RejectionReasonDto>>.Failure(replaced.Errors);
    }
}
