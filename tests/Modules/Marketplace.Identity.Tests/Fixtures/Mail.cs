using Marketplace.Testing;
using System.Text.RegularExpressions;
using MimeKit;

namespace Marketplace.Identity.Tests.Fixtures;

public static partial class Mail
{
    /// <summary>The path and query of the first link to <paramref name="page"/> in the message.</summary>
    public static string LinkTo(MimeMessage message, string page)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"https?://[^/\s]+(?<path>{Regex.Escape(page)}\?\S+)");
        return match.Success ? match.Groups["path"].Value : throw new InvalidOperationException($"No link to {page} in: {message.TextBody}");
    }
}
