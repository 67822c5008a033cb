using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Candidates.Contact;
using Mediator;

namespace Marketplace.Matching.Application.Candidates.Requests;

/// <summary>The signed-in seeker's contact requests from companies, waiting ones first, newest first.</summary>
public sealed record ListMyContactRequests : IQuery<Result<IReadOnlyList<MyContactRequestDto>>>;

public sealed class ListMyContactRequestsHandler(ICandidateStore store, ICurrentUser user) : IQueryHandler<ListMyContactRequests, Result<IReadOnlyList<MyContactRequestDto>>>
{
    public async ValueTask<Result<IReadOnlyList<MyContactRequestDto>>> Handle(ListMyContactRequests query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me || !user.IsInRole(Roles.JobSeeker))
        {
            return Result<IReadOnlyList<MyContactRequestDto>>.Failure(Error.Forbidden("Contact requests are for job seekers."));
        }

        var requests = await store.RequestsOfSeekerAsync(me, cancellationToken);
        return Result.Success<IReadOnlyList<MyContactRequestDto>>([.. requests
            .OrderBy(r => r.Status != Domain.Candidates.ContactRequestStatus.Pending).ThenByDescending(r => r.RequestedAt)
            .Select(r => new MyContactRequestDto(r.Id, r.PostingId, r.PostingTitle, r.Company, r.Message, r.Status.ToString(), r.RequestedAt, r.AnsweredAt))]);
    }
}

/// <summary>
/// The seeker accepts (the company then sees their name and email on the posting's candidates page, and the member who asked is
/// mailed) or declines (the company is not told who they are, and cannot ask again for the posting). Answering twice the same is
/// a no-op; changing an answer is refused.
/// </summary>
public sealed record AnswerContactRequest(Guid RequestId, bool Accept) : ICommand<Result>;

public sealed class AnswerContactRequestHandler(
    ICandidateStore store,
    ICurrentUser user,
    ICandidatePseudonymSource pseudonyms,
    Profiles.Contracts.IApplicantProfiles profiles,
    IUserDirectory users,
    IAccountPageLinks links,
    IMailOutbox mail,
    TimeProvider clock) : ICommandHandler<AnswerContactRequest, Result>
{
    public async ValueTask<Result> Handle(AnswerContactRequest command, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me || !user.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Contact requests are for job seekers.");
        }

        var request = await store.GetRequestForUpdateAsync(command.RequestId, cancellationToken);
        if (request is null || request.ProfileId != me)
        {
            return Error.NotFound("contact request", command.RequestId);
        }

        var wasPending = request.Status == Domain.Candidates.ContactRequestStatus.Pending;
        var answered = command.Accept ? request.Accept(clock.GetUtcNow()) : request.Decline(clock.GetUtcNow());
        if (answered.IsFailure || !wasPending || !command.Accept || request.RequestedBy is not { } requester)
        {
            return answered;
        }

        var emails = await users.FindEmailsAsync([me, requester], cancellationToken);
        if (emails.TryGetValue(requester, out var to))
        {
            var label = CandidatePseudonyms.LabelOf((await pseudonyms.GetAsync(cancellationToken)).KeyOf(request.PostingId, me));
            var email = emails.GetValueOrDefault(me);
            var name = (await profiles.FindAsync(me, cancellationToken))?.DisplayName ?? email ?? "a seeker without a name";
            mail.Send(ContactMail.Accepted(to, request, label, name, email, links.ToPath($"/Employer/Postings/{request.PostingId}/Candidates")));
        }

        return answered;
    }
}

/// <summary>An account was deleted: its contact requests go, and a member's name leaves what they asked and saved. Safe to run twice.</summary>
[IntegrationEventHandler("matching.forget-deleted-user")]
public sealed class ForgetDeletedUser(ICandidateStore store) : IIntegrationEventHandler<UserDeleted>
{
    public Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken) => store.ForgetUserAsync(integrationEvent.UserId, cancellationToken);
}
