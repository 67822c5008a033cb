using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Matching;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Domain.Applications;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Matching.Contracts;
using Marketplace.Profiles.Contracts;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Apply;

/// <summary>
/// A job seeker applies to a published posting with an optional cover note. The application copies their profile and the
/// text of their last CV as they are now (through the Profiles module's facade), and the match explanation as the Matching
/// module gives it at that moment (none while matching does not know the profile yet). Applying twice, or to a closed,
/// expired or held posting, is refused with a message.
/// </summary>
public sealed record ApplyToPosting(Guid PostingId, string? CoverNote) : ICommand<Result<Guid>>;

public sealed class ApplyToPostingValidator : AbstractValidator<ApplyToPosting>
{
    public ApplyToPostingValidator() =>
        RuleFor(c => c.CoverNote).MaximumLength(JobApplication.MaxCoverNoteLength)
            .WithMessage($"A cover note has at most {JobApplication.MaxCoverNoteLength:N0} characters.");
}

public sealed class ApplyToPostingHandler(
    IPostingRepository postings,
    IApplicationRepository applications,
    IApplicantProfiles profiles,
    IMatchingFacade matching,
    IUserDirectory users,
    IAccountPageLinks links,
    IMailOutbox mail,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<ApplyToPosting, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ApplyToPosting command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers apply to postings.");
        }

        var posting = await postings.FindAsync(command.PostingId, cancellationToken);
        if (posting is null || posting.Status == PostingStatus.Draft)
        {
            return Error.NotFound("posting", command.PostingId);
        }

        if (posting.Status != PostingStatus.Published)
        {
            return Error.Conflict("application.posting_closed", posting.Status == PostingStatus.OnHold
                ? "This posting is not taking applications right now."
                : "This posting is closed and no longer takes applications.");
        }

        if (await applications.FindMineAsync(posting.Id, seekerId, cancellationToken) is { } earlier)
        {
            return Error.Conflict("application.duplicate", $"You applied to this posting on {earlier.SubmittedAt.UtcDateTime:d MMMM yyyy}; see it under Your applications.");
        }

        var now = clock.GetUtcNow();
        var profile = await profiles.FindAsync(seekerId, cancellationToken);
        var snapshot = new ProfileSnapshot(
            profile?.DisplayName,
            profile?.Headline,
            [.. (profile?.Skills ?? []).Select(s => new SnapshotSkill(s.SkillId, s.Name, s.Level, s.LevelName, s.Years, s.LastUsedYear))]);
        // A seeker's profile id is their user id.
        var explained = await matching.ExplainAsync(seekerId, posting.Id, cancellationToken);
        var match = explained is null ? null : PostingMatchDto.Snapshot(explained);
        var submitted = JobApplication.Submit(
            Guid.CreateVersion7(now), posting.Id, posting.CompanyId, seekerId, snapshot, match, command.CoverNote, profile?.CvText, now);
        if (submitted.IsFailure)
        {
            return Result<Guid>.Failure(submitted.Errors);
        }

        var application = submitted.Value;
        applications.Add(application);
        events.Publish(new ApplicationSubmitted(Guid.CreateVersion7(now), now, application.Id, posting.Id, posting.CompanyId, seekerId, MatchScore: match?.Score));
        if ((await users.FindEmailsAsync([seekerId], cancellationToken)).TryGetValue(seekerId, out var email))
        {
            mail.Send(ApplicationMail.Received(email, new PostingHeading(posting.Id, posting.Title, posting.Company, posting.Status.ToString()), links.ToPath("/Applications")));
        }

        return application.Id;
    }
}
