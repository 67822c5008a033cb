using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Domain.Applications;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Templates;

public sealed record RejectionReasonInput(string? Title, string? Text);

/// <summary>A rejection reason as the pages show it.</summary>
public sealed record RejectionReason(string Title, string Text)
{
    public static IReadOnlyList<RejectionReason> Defaults { get; } = Of(RejectionTemplates.Defaults);

    public static IReadOnlyList<RejectionReason> Of(IEnumerable<RejectionTemplate> templates) => [.. templates.Select(t => new RejectionReason(t.Title, t.Text))];
}

/// <summary>The stages the company can move an application to, in the order the pipeline shows them.</summary>
public static class PipelineStages
{
    public static IReadOnlyList<string> Names { get; } = [.. ApplicationStages.Pipeline.Select(s => s.ToString())];
}

/// <summary>The rejection reasons the current employer's company chooses from (the defaults until it edits them).</summary>
public sealed record GetRejectionReasons : IQuery<Result<IReadOnlyList<RejectionReason>>>;

/// <summary>A member of the company replaces its rejection reasons; blank rows are dropped.</summary>
public sealed record SaveRejectionReasons(IReadOnlyList<RejectionReasonInput>? Templates) : ICommand<Result<IReadOnlyList<RejectionReason>>>;

/// <summary>Whose reasons the current employer edits: their company's, or their own without one.</summary>
public sealed class RejectionReasonOwner(ICompanyRepository companies, ICurrentUser currentUser)
{
    public async Task<Guid?> OwnerAsync(CancellationToken cancellationToken) =>
        currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.Employer)
            ? null
            : (await companies.FindByMemberAsync(userId, cancellationToken))?.Id ?? userId;
}

public sealed class GetRejectionReasonsHandler(RejectionReasonOwner owner, IApplicationRepository applications)
    : IQueryHandler<GetRejectionReasons, Result<IReadOnlyList<RejectionReason>>>
{
    public async ValueTask<Result<IReadOnlyList<RejectionReason>>> Handle(GetRejectionReasons query, CancellationToken cancellationToken)
    {
        if (await owner.OwnerAsync(cancellationToken) is not { } ownerId)
        {
            return Error.Forbidden();
        }

        var templates = await applications.FindTemplatesAsync(ownerId, forUpdate: false, cancellationToken);
        return Result<IReadOnlyList<RejectionReason>>.Success(templates is null ? RejectionReason.Defaults : RejectionReason.Of(templates.Items));
    }
}

public sealed class SaveRejectionReasonsHandler(RejectionReasonOwner owner, IApplicationRepository applications, TimeProvider clock)
    : ICommandHandler<SaveRejectionReasons, Result<IReadOnlyList<RejectionReason>>>
{
    public async ValueTask<Result<IReadOnlyList<RejectionReason>>> Handle(SaveRejectionReasons command, CancellationToken cancellationToken)
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
        return replaced.IsSuccess ? Result<IReadOnlyList<RejectionReason>>.Success(RejectionReason.Of(templates.Items)) : Result<IReadOnlyList<RejectionReason>>.Failure(replaced.Errors);
    }
}
