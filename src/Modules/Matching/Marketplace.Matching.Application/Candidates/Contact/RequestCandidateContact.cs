using FluentValidation;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Contracts;
using Marketplace.Matching.Domain.Candidates;
using Mediator;

namespace Marketplace.Matching.Application.Candidates.Contact;

/// <summary>
/// A member of the posting's company asks a candidate (named by their key on this posting) to get in touch, with an optional
/// message; the seeker is mailed and answers on their requests page. A candidate is asked once per posting: again while the
/// request waits, after an answer, or after they applied is refused with a message. Returns the candidate's label.
/// </summary>
public sealed record RequestCandidateContact(Guid PostingId, string? CandidateKey, string? Message) : ICommand<Result<string>>;

public sealed class RequestCandidateContactValidator : AbstractValidator<RequestCandidateContact>
{
    public RequestCandidateContactValidator()
    {
        RuleFor(c => c.CandidateKey).NotEmpty().Length(CandidatePseudonyms.KeyLength).WithMessage("Choose a candidate from the list.");
        RuleFor(c => c.Message).MaximumLength(ContactRequest.MaxMessageLength)
            .WithMessage($"A message has at most {ContactRequest.MaxMessageLength:N0} characters.");
    }
}

public sealed class RequestCandidateContactHandler(
    CandidateAccess access,
    ICandidateEngine engine,
    ICandidateStore store,
    ICandidatePseudonymSource pseudonyms,
    ICompanyPostings companyPostings,
    IUserDirectory users,
    IAccountPageLinks links,
    IMailOutbox mail,
    TimeProvider clock) : ICommandHandler<RequestCandidateContact, Result<string>>
{
    public async ValueTask<Result<string>> Handle(RequestCandidateContact command, CancellationToken cancellationToken)
    {
        var allowed = await access.PostingAsync(command.PostingId, cancellationToken);
        if (allowed.IsFailure)
        {
            return Result<string>.Failure(allowed.Errors);
        }

        var (posting, memberId) = allowed.Value;
        var names = await pseudonyms.GetAsync(cancellationToken);
        if (names.ProfileOf(posting.PostingId, command.CandidateKey) is not { } profileId || !await engine.IsCandidateAsync(profileId, cancellationToken))
        {
            return Error.Validation("CandidateKey", "This candidate is not in the posting's candidates any more.");
        }

        var label = CandidatePseudonyms.LabelOf(command.CandidateKey!);
        if ((await companyPostings.ApplicantsAmongAsync(posting.PostingId, [profileId], cancellationToken)).Count > 0)
        {
            return Error.Conflict("contact_request.applied", $"{label} applied to this posting: see them among its applicants.");
        }

        if (await store.FindRequestAsync(posting.PostingId, profileId, cancellationToken) is { } earlier)
        {
            return Error.Conflict("contact_request.duplicate", earlier.Status switch
            {
                ContactRequestStatus.Pending => $"You asked {label} on {earlier.RequestedAt.UtcDateTime:d MMMM yyyy}; they have not answered yet.",
                ContactRequestStatus.Accepted => $"{label} already accepted your request.",
                _ => $"{label} declined your request for this posting.",
            });
        }

        var now = clock.GetUtcNow();
        var sent = ContactRequest.Send(Guid.CreateVersion7(now), posting.PostingId, posting.CompanyId, profileId, memberId, posting.Title, posting.Company, command.Message, now);
        if (sent.IsFailure)
        {
            return Result<string>.Failure(sent.Errors);
        }

        store.Add(sent.Value);
        if ((await users.FindEmailsAsync([profileId], cancellationToken)).TryGetValue(profileId, out var email))
        {
            mail.Send(ContactMail.Requested(email, sent.Value, links.ToPath("/Matches/Requests")));
        }

        return label;
    }
}
