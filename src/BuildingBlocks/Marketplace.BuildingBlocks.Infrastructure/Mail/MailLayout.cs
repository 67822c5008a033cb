using System.Net;
using System.Text;
using Marketplace.BuildingBlocks.Application.Mail;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

/// <summary>What a stored message says, without its recipient and subject; stored encrypted, since links carry tokens.</summary>
public sealed record MailContent(
    IReadOnlyList<string> Paragraphs, MailAction? Action, string? Note, IReadOnlyList<MailItem>? Items = null, string? UnsubscribeUrl = null);

/// <summary>
/// The one layout of every message: the same paragraphs, button and note as HTML (inline styles, as mail clients want
/// them, with the link also written out for clients that hide buttons) and as plain text.
/// </summary>
public static class MailLayout
{
    public const string Product = "Marketplace";

    public static (string Html, string Text) Render(string subject, MailContent content) => (Html(subject, content), Text(content));

    public static string Text(MailContent content)
    {
        var text = new StringBuilder();
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var item in content.Items ?? [])
        {
            text.Append("* ").Append(item.Title).Append('\n');
            if (item.Detail is { Length: > 0 } detail)
            {
                text.Append("  ").Append(detail).Append('\n');
            }

            text.Append("  ").Append(item.Url).Append("\n\n");
        }

        if (content.Action is { } action)
        {
            text.Append(action.Label).Append(":\n").Append(action.Url).Append("\n\n");
        }

        text.Append("-- \n");
        if (content.Note is { Length: > 0 } note)
        {
            text.Append(note).Append('\n');
        }

        if (content.UnsubscribeUrl is { } unsubscribe)
        {
            text.Append("Unsubscribe: ").Append(unsubscribe).Append('\n');
        }

        return text.Append(Product).Append('\n').ToString();
    }

    public static string Html(string subject, MailContent content)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        const string paragraphStyle = "margin:0 0 16px;line-height:1.5;";
        const string smallStyle = "margin:0 0 12px;font-size:13px;line-height:1.5;color:#57606a;";

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px 12px;background:#f4f5f7;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;\">")
            .Append("<p style=\"margin:0 0 20px;font-size:18px;font-weight:700;\">").Append(Product).Append("</p>");
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append("<p style=\"").Append(paragraphStyle).Append("\">").Append(E(paragraph)).Append("</p>");
        }

        if (content.Items is { Count: > 0 } items)
        {
            html.Append("<ul style=\"margin:0 0 16px;padding:0;list-style:none;\">");
            foreach (var item in items)
            {
                html.Append("<li style=\"margin:0 0 14px;line-height:1.4;\"><a href=\"").Append(E(item.Url))
                    .Append("\" style=\"color:#0b5cad;font-weight:600;text-decoration:none;\">").Append(E(item.Title)).Append("</a>");
                if (item.Detail is { Length: > 0 } detail)
                {
                    html.Append("<br><span style=\"font-size:14px;color:#57606a;\">").Append(E(detail)).Append("</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (content.Action is { } action)
        {
            var url = E(action.Url);
            html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(url)
                .Append("\" style=\"display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;\">")
                .Append(E(action.Label)).Append("</a></p>")
                .Append("<p style=\"").Append(smallStyle).Append("\">If the button does not work, copy this link into your browser:<br>")
                .Append("<a href=\"").Append(url).Append("\" style=\"color:#0b5cad;word-break:break-all;\">").Append(url).Append("</a></p>");
        }

        html.Append("<hr style=\"border:none;border-top:1px solid #d0d7de;margin:24px 0 16px;\">");
        if (content.Note is { Length: > 0 } note)
        {
            html.Append("<p style=\"").Append(smallStyle).Append("\">").Append(E(note)).Append("</p>");
        }

        if (content.UnsubscribeUrl is { } unsubscribe)
        {
            html.Append("<p style=\"").Append(smallStyle).Append("\"><a href=\"").Append(E(unsubscribe))
                .Append("\" style=\"color:#57606a;\">Unsubscribe</a> from these messages with one click; no sign-in needed.</p>");
        }

        return html.Append("<p style=\"").Append(smallStyle).Append("\">").Append(Product).Append("</p></div></body></html>").ToString();
    }
}
