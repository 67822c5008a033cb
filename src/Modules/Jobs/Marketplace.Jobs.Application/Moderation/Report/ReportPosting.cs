using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Domain.Moderation;
using Marketplace.Jobs.Domain.Postings;
using Mediator;

namespace Marketplace.Jobs.Application.Moderation.Report;

/// <summary>Someone signed in tells the moderators what is wrong with a published posting; reporting it again changes nothing.</summary>
public sealed record ReportPosting(Guid PostingId, string? Reason, string? Details) : ICommand<Result>;

public sealed class ReportPostingValidator : AbstractValidator<ReportPosting>
{
    public ReportPostingValidator()
    {
        var choose = $"Choose what is wrong: {string.Join(", ", Enum.GetNames<ReportReason>())}.";
        RuleFor(c => c.Reason).NotEmpty().WithMessage(choose).IsEnumName(typeof(ReportReason), caseSensitive: false).WithMessage(choose);
        RuleFor(c => c.Details).MaximumLength(PostingReport.MaxDetailsLength);
    }
}

public sealed class ReportPostingHandler(IPostingRepository postings, IReportRepository reports, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReportPosting, Result>
{
    public async ValueTask<Result> Handle(ReportPosting command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Error.Forbidden("Sign in to report a posting.");
        }

        var posting = await postings.FindAsync(command.PostingId, cancellationToken);
        if (posting is null || !posting.IsPublic)
        {
            return Error.NotFound("posting", command.PostingId);
        }

        if (posting.Status != PostingStatus.Published)
        {
            return Error.Conflict("posting.not_published", "This posting is no longer open; there is nothing to report.");
        }

        if (await reports.HasOpenReportAsync(posting.Id, userId, cancellationToken))
        {
            return Result.Success();
        }

        var now = clock.GetUtcNow();
        var filed = PostingReport.File(Guid.CreateVersion7(now), posting.Id, userId, Enum.Parse<ReportReason>(command.Reason!, ignoreCase: true), command.Details, now);
        if (filed.IsFailure)
        {
            return filed;
        }

        reports.Add(filed.Value);
        return Result.Success();
    }
}
