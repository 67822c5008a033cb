using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.Matching.Domain.Candidates;

namespace Marketplace.Matching.Application.Candidates.Contact;

/// <summary>What the seeker is told of a contact request, and what the member who asked is told of an acceptance.</summary>
public static class ContactMail
{
    public static MailMessage Requested(string to, ContactRequest request, string link)
    {
        var paragraphs = new List<string>
        {
            $"{request.Company} found your profile among the best matches for {request.PostingTitle} and would like to get in touch.",
            "They do not know your name or your address: they see your skills and how you match. If you accept, they see your name and your email address; if you decline, they will not ask again for this posting.",
        };
        if (request.Message is { } message)
        {
            paragraphs.Add($"Their message: {message}");
        }

        return new MailMessage(to, $"{request.Company} would like to contact you about {request.PostingTitle}", paragraphs,
            new MailAction("Accept or decline", link),
            "You get these because your profile is discoverable. Make it visible only where you apply in your profile's preferences to stop them.");
    }

    public static MailMessage Accepted(string to, ContactRequest request, string label, string name, string? email, string link) => new(
        to,
        $"{label} accepted your contact request for {request.PostingTitle}",
        [
            $"{label}, whom you asked about {request.PostingTitle}, accepted: they are {name}{(email is null ? "" : $", {email}")}.",
            "Their name and contact are on the posting's candidates page from now on.",
        ],
        new MailAction("See the candidates", link));
}
