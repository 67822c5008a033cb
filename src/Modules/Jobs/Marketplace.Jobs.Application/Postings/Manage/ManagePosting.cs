using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Domain.Postings;
using Mediator;

namespace Marketplace.Jobs.Application.Postings.Manage;

/// <summary>What a member of the company does to a posting's life, as the pages and the API name it.</summary>
public enum PostingAction { Publish, Renew, Close }

/// <summary>
/// A member of the posting's company publishes a draft, renews a published or expired posting for another 30 days, or
/// closes it as filled or withdrawn (<see cref="Reason"/>). With <see cref="Version"/>, a posting changed since it was read
/// is a conflict. Answers the stored posting.
/// </summary>
public sealed record ManagePosting(Guid Id, string? Action, string? Reason = null, int? Version = null) : ICommand<Result<PostingDto>>;

public sealed class ManagePostingValidator : AbstractValidator<ManagePosting>
{
    public ManagePostingValidator()
    {
        RuleFor(c => c.Action).NotEmpty().IsEnumName(typeof(PostingAction), caseSensitive: false)
            .WithMessage($"Action is one of: {string.Join(", ", Enum.GetNames<PostingAction>())}.");
        RuleFor(c => c.Reason).NotEmpty().IsEnumName(typeof(ClosingReason), caseSensitive: false)
            .When(c => string.Equals(c.Action, nameof(PostingAction.Close), StringComparison.OrdinalIgnoreCase))
            .WithMessage($"Say why the posting closes: {string.Join(" or ", Enum.GetNames<ClosingReason>())}.");
        RuleFor(c => c.Version).GreaterThan(0).When(c => c.Version is not null);
    }
}

public sealed class ManagePostingHandler(
    PostingAccess access,
    SkillCatalog skills,
    IIntegrationEventPublisher events,
    TimeProvider clock) : ICommandHandler<ManagePosting, Result<PostingDto>>
{
    public async ValueTask<Result<PostingDto>> Handle(ManagePosting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await PostingChanges.MakeAsync(access, skills, events, now, command.Id, command.Version, posting => ValueTask.FromResult(
            Enum.Parse<PostingAction>(command.Action!, ignoreCase: true) switch
            {
                PostingAction.Publish => posting.Publish(now),
                PostingAction.Renew => posting.Renew(now),
                _ => posting.Close(Enum.Parse<ClosingReason>(command.Reason!, ignoreCase: true), now),
            }), cancellationToken);
    }
}
