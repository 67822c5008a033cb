using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.Mail;
using Marketplace.Jobs.Domain.Postings;
using Mediator;

namespace Marketplace.Jobs.Application.Moderation.Decide;

/// <summary>What a moderator decides about a posting.</summary>
public enum ModerationDecision { Hold, Dismiss, Release }

/// <summary>
/// An admin decides about a posting: puts it on hold with a reason the employer is mailed (its open reports are then
/// actioned), dismisses its open reports, or releases it from hold.
/// </summary>
public sealed record ModeratePosting(Guid PostingId, string? Decision, string? Reason = null, int? Version = null) : ICommand<Result>;

public sealed class ModeratePostingValidator : AbstractValidator<ModeratePosting>
{
    public ModeratePostingValidator()
    {
        RuleFor(c => c.Decision).NotEmpty().IsEnumName(typeof(ModerationDecision), caseSensitive: false)
            .WithMessage($"Decision is one of: {string.Join(", ", Enum.GetNames<ModerationDecision>())}.");
        RuleFor(c => c.Reason).MaximumLength(JobPosting.MaxHoldReasonLength);
    }
}

public sealed class ModeratePostingHandler(
    IPostingRepository postings,
    IReportRepository reports,
    PostingMail mail,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<ModeratePosting, Result>
{
    public async ValueTask<Result> Handle(ModeratePosting command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } adminId || !currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins moderate postings.");
        }

        var posting = await postings.GetForUpdateAsync(command.PostingId, command.Version, cancellationToken);
        if (posting is null)
        {
            return Error.NotFound("posting", command.PostingId);
        }

        if (command.Version is { } version && posting.Revision != version)
        {
            return PostingChanges.Stale;
        }

        var now = clock.GetUtcNow();
        var before = posting.Status;
        var decision = Enum.Parse<ModerationDecision>(command.Decision!, ignoreCase: true);
        var open = await reports.ListOpenForUpdateAsync(posting.Id, cancellationToken);
        switch (decision)
        {
            case ModerationDecision.Hold:
                var held = posting.Hold(command.Reason, now);
                if (held.IsFailure)
                {
                    return held;
                }

                foreach (var report in open)
                {
                    report.MarkActioned(adminId, now);
                }

                await mail.PutOnHoldAsync(posting, cancellationToken);
                break;
            case ModerationDecision.Dismiss:
                if (open.Count == 0)
                {
                    return Error.Conflict("report.none_open", "This posting has no open reports to dismiss.");
                }

                foreach (var report in open)
                {
                    report.Dismiss(adminId, now);
                }

                return Result.Success();
            default:
                var released = posting.Release(now);
                if (released.IsFailure)
                {
                    return released;
                }

                await mail.ReleasedAsync(posting, cancellationToken);
                break;
        }

        PostingChanges.Announce(events, posting, before, now);
        return Result.Success();
    }
}
