using System.Globalization;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Domain.Companies;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings.Mail;

/// <summary>Absolute links to the Jobs pages, for mail (built on the configured public origin).</summary>
public sealed class JobsLinks(IPublicLinks links)
{
    public string Posting(Guid id) => links.Page("/Jobs/Details", new { id });

    public string EditPosting(Guid id) => links.Page("/Employer/Postings/Edit", new { id });

    public string EmployerPostings() => links.Page("/Employer/Postings/Index");

    public string SavedSearches() => links.Page("/Jobs/Saved");

    public string Search(object values) => links.Page("/Jobs/Index", values);

    public string Unsubscribe(string token) => links.Page("/Jobs/Alerts/Unsubscribe", new { token });
}

/// <summary>
/// The mail an employer gets about a posting: its hold by a moderator and its release, and the warning before it expires.
/// It goes to the employer who wrote the posting, or, when their account is gone, to the company's admins; it is stored in
/// the command's transaction and sent after the commit.
/// </summary>
public sealed class PostingMail(IMailOutbox mail, IUserDirectory users, ICompanyRepository companies, JobsLinks links)
{
    public Task PutOnHoldAsync(JobPosting posting, CancellationToken cancellationToken) => SendAsync(posting, to => new MailMessage(
        to,
        $"Your posting \"{posting.Title}\" is on hold",
        [
            $"A moderator put your posting \"{posting.Title}\" on hold. Nobody can find it or apply to it until it is released.",
            $"The reason given: {posting.HoldReason}",
            "Edit the posting to put right what the moderator found; they look at held postings again and release them.",
        ],
        new MailAction("Edit the posting", links.EditPosting(posting.Id)),
        "You receive this because you manage this posting on Marketplace."), cancellationToken);

    public Task ReleasedAsync(JobPosting posting, CancellationToken cancellationToken) => SendAsync(posting, to => new MailMessage(
        to,
        $"Your posting \"{posting.Title}\" is visible again",
        [
            $"A moderator released your posting \"{posting.Title}\": people find it and apply to it again.",
            $"The days it spent on hold were added back; it now runs until {Date(posting.ExpiresAt)}.",
        ],
        new MailAction("See the posting", links.Posting(posting.Id)),
        "You receive this because you manage this posting on Marketplace."), cancellationToken);

    public Task ExpiresSoonAsync(JobPosting posting, CancellationToken cancellationToken) => SendAsync(posting, to => new MailMessage(
        to,
        $"Your posting \"{posting.Title}\" expires on {Date(posting.ExpiresAt)}",
        [
            $"Your posting \"{posting.Title}\" has been up for nearly 30 days and leaves the search on {Date(posting.ExpiresAt)}.",
            "If the role is still open, renew it for another 30 days; if you filled it, close it so candidates know.",
        ],
        new MailAction("Renew or close the posting", links.EmployerPostings()),
        "You receive this because you manage this posting on Marketplace."), cancellationToken);

    private async Task SendAsync(JobPosting posting, Func<string, MailMessage> message, CancellationToken cancellationToken)
    {
        foreach (var to in await RecipientsAsync(posting, cancellationToken))
        {
            mail.Send(message(to));
        }
    }

    private async Task<IReadOnlyCollection<string>> RecipientsAsync(JobPosting posting, CancellationToken cancellationToken)
    {
        if (posting.EmployerId is { } employer && (await users.FindEmailsAsync([employer], cancellationToken)).TryGetValue(employer, out var email))
        {
            return [email];
        }

        var company = posting.CompanyId is { } companyId ? await companies.GetAsync(companyId, cancellationToken) : null;
        var admins = company?.Members.Where(m => m.Role == CompanyRole.Admin).Select(m => m.UserId).ToList() ?? [];
        return [.. (await users.FindEmailsAsync(admins, cancellationToken)).Values];
    }

    private static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "soon";
}
