using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Domain.Applications;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Move;

/// <summary>An application to move, at the version the member read (without one, whatever is current).</summary>
public sealed record ApplicationToMove(Guid ApplicationId, int? Version = null);

/// <summary>What a move did: the applications moved, and each one that could not be, with why.</summary>
public sealed record MoveOutcomeDto(IReadOnlyList<ApplicantDto> Moved, IReadOnlyList<MoveRefusalDto> Refused);

public sealed record MoveRefusalDto(Guid ApplicationId, string Reason);

/// <summary>
/// A member of the posting's company moves one or many of its applications to a stage (a rejection with the reason the
/// applicant reads). Every move is recorded (who, when, from, to), announced, and mailed to the applicant. One application
/// that cannot move is refused as an error; of many, those that can move do, and the others are listed. An application
/// changed since the member read it is a conflict for the whole request (reload and choose again).
/// </summary>
public sealed record MoveApplications(Guid PostingId, IReadOnlyList<ApplicationToMove>? Applications, string? Stage, string? Reason = null)
    : ICommand<Result<MoveOutcomeDto>>;

public sealed class MoveApplicationsValidator : AbstractValidator<MoveApplications>
{
    public const int MaxAtOnce = 100;

    public MoveApplicationsValidator()
    {
        RuleFor(c => c.Applications).NotEmpty().WithMessage("Choose at least one applicant.")
            .Must(a => a!.Count <= MaxAtOnce).WithMessage($"Move at most {MaxAtOnce} applicants at once.")
            .Must(a => a!.Select(x => x.ApplicationId).Distinct().Count() == a!.Count).WithMessage("Each applicant once.")
            .When(c => c.Applications is { Count: > 0 }, ApplyConditionTo.CurrentValidator);
        RuleFor(c => c.Stage).NotEmpty().IsEnumName(typeof(ApplicationStage), caseSensitive: false)
            .Must(s => !string.Equals(s, nameof(ApplicationStage.Withdrawn), StringComparison.OrdinalIgnoreCase))
            .WithMessage($"Stage is one of: {string.Join(", ", ApplicationStages.Pipeline)}.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Choose the reason the applicant will read.")
            .When(c => string.Equals(c.Stage, nameof(ApplicationStage.Rejected), StringComparison.OrdinalIgnoreCase));
        RuleFor(c => c.Reason).MaximumLength(JobApplication.MaxReasonLength);
    }
}

public sealed class MoveApplicationsHandler(
    PipelineAccess access,
    IApplicationRepository applications,
    IUserDirectory users,
    IAccountPageLinks links,
    IMailOutbox mail,
    IIntegrationEventPublisher events,
    TimeProvider clock) : ICommandHandler<MoveApplications, Result<MoveOutcomeDto>>
{
    public static readonly Error Stale = Error.Conflict("application.stale_version", "An applicant changed since you read the list; reload it and try again.");

    public async ValueTask<Result<MoveOutcomeDto>> Handle(MoveApplications command, CancellationToken cancellationToken)
    {
        var managed = await access.PostingAsync(command.PostingId, cancellationToken);
        if (managed.IsFailure)
        {
            return Result<MoveOutcomeDto>.Failure(managed.Errors);
        }

        var posting = managed.Value;
        var heading = new PostingHeading(posting.Id, posting.Title, posting.Company, posting.Status.ToString());
        var to = Enum.Parse<ApplicationStage>(command.Stage!, ignoreCase: true);
        var now = clock.GetUtcNow();
        var memberId = access.UserId!.Value;
        var loaded = new List<JobApplication>();
        foreach (var item in command.Applications!)
        {
            var application = await applications.GetForUpdateAsync(item.ApplicationId, item.Version, cancellationToken);
            if (application is null || application.PostingId != posting.Id)
            {
                return Error.NotFound("application", item.ApplicationId);
            }

            if (item.Version is { } version && application.Revision != version)
            {
                return Stale;
            }

            loaded.Add(application);
        }

        var moved = new List<JobApplication>();
        var refused = new List<MoveRefusalDto>();
        foreach (var application in loaded)
        {
            var from = application.Stage;
            var done = application.MoveTo(to, memberId, command.Reason, now);
            if (done.IsFailure)
            {
                if (loaded.Count == 1)
                {
                    return Result<MoveOutcomeDto>.Failure(done.Errors);
                }

                refused.Add(new MoveRefusalDto(application.Id, done.FirstError.Message));
                continue;
            }

            moved.Add(application);
            events.Publish(new ApplicationStageChanged(
                Guid.CreateVersion7(now), now, application.Id, posting.Id, application.CompanyId, from.ToString(), to.ToString(), application.Revision));
        }

        var emails = await users.FindEmailsAsync([.. moved.Where(a => a.ApplicantId is not null).Select(a => a.ApplicantId!.Value)], cancellationToken);
        foreach (var application in moved)
        {
            if (application.ApplicantId is { } applicant && emails.TryGetValue(applicant, out var email))
            {
                mail.Send(ApplicationMail.Moved(email, heading, to, to == ApplicationStage.Rejected ? application.RejectionReason : null, links.ToPath("/Applications")));
            }
        }

        return new MoveOutcomeDto([.. moved.Select(ApplicationViews.ForCompany)], refused);
    }
}
