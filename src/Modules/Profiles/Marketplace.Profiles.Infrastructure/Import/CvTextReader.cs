using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Import;
using Marketplace.Profiles.Domain.Cv;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Marketplace.Profiles.Infrastructure.Import;

/// <summary>
/// Reads a CV's text with PdfPig (PDF) or the Open XML SDK (DOCX), or decodes plain text, choosing by the file's first
/// bytes, never its name. Whatever cannot be read becomes a message for the seeker; nothing of the file is kept.
/// </summary>
internal sealed partial class CvTextReader(ILogger<CvTextReader> logger) : ICvTextReader
{
    public const int MaxPdfPages = 30;

    // A DOCX is a ZIP: its main part, unpacked, may not exceed this (a small file can unpack to gigabytes).
    private const long MaxUnpackedDocumentBytes = 50L * 1024 * 1024;

    private const string Unreadable = "This file could not be read: it seems damaged. Save it again as PDF or Word (.docx), or paste the text.";

    public Result<CvText> Read(string? fileName, byte[] content)
    {
        try
        {
            return Sniff(content) switch
            {
                Kind.Pdf => ReadPdf(content),
                Kind.Zip => ReadDocx(content),
                Kind.OleCompound => Refuse("This is an old Word (.doc) file or a password-protected document. Save it as .docx or PDF without a password, or paste the text."),
                Kind.Text => ReadPlainText(content),
                _ => Refuse(fileName is not null && Path.GetExtension(fileName) is { Length: > 0 } extension
                    ? $"This file is not a PDF, a Word document (.docx) or plain text, although its name ends in {extension}. Choose your CV in one of those formats, or paste the text."
                    : "This file is not a PDF, a Word document (.docx) or plain text. Choose your CV in one of those formats, or paste the text."),
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Parsers of untrusted files fail in many ways; none of them is the seeker's to see.
            LogUnreadable(logger, exception, content.Length);
            return Refuse(Unreadable);
        }
    }

    private enum Kind { Unknown, Pdf, Zip, OleCompound, Text }

    private static Kind Sniff(byte[] content)
    {
        ReadOnlySpan<byte> head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (head.IndexOf("%PDF-"u8) is >= 0 and < 1024)
        {
            return Kind.Pdf;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return Kind.Zip;
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return Kind.OleCompound;
        }

        return LooksLikeText(content) ? Kind.Text : Kind.Unknown;
    }

    private static bool LooksLikeText(byte[] content)
    {
        if (HasUtf16Bom(content))
        {
            return true;
        }

        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        return control * 100 <= sample.Length;
    }

    private static bool HasUtf16Bom(byte[] content) =>
        content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF));

    private static Result<CvText> ReadPlainText(byte[] content)
    {
        string text;
        if (HasUtf16Bom(content))
        {
            text = (content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(content, 2, content.Length - 2);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8: older editors save Windows-1252, whose letters Latin-1 reads the same.
                text = Encoding.Latin1.GetString(content);
            }
        }

        return Finish(text, CvFormat.Text);
    }

    private static Result<CvText> ReadPdf(byte[] content)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions { SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return Refuse("This PDF is protected by a password. Save a copy without the password, or paste the text.");
        }

        using (document)
        {
            if (document.IsEncrypted && document.NumberOfPages == 0)
            {
                return Refuse("This PDF is protected by a password. Save a copy without the password, or paste the text.");
            }

            var text = new StringBuilder();
            var images = 0;
            foreach (var page in document.GetPages().Take(MaxPdfPages))
            {
                text.Append(ContentOrderTextExtractor.GetText(page, new ContentOrderTextExtractor.Options { SeparateParagraphsWithDoubleNewline = true }))
                    .Append("\n\n");
                images += page.GetImages().Count();
                if (text.Length > CvDocument.MaxTextLength)
                {
                    break;
                }
            }

            if (text.ToString().Count(char.IsLetterOrDigit) < 20)
            {
                return Refuse(images > 0
                    ? "This PDF holds only images (a scan or a photo), so there is no text to read. Upload the original document, or paste the text."
                    : "This PDF has no text to read. Upload the original document, or paste the text.");
            }

            return Finish(text.ToString(), CvFormat.Pdf);
        }
    }

    private static Result<CvText> ReadDocx(byte[] content)
    {
        using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
        {
            var main = zip.GetEntry("word/document.xml");
            if (main is null)
            {
                return Refuse("This is a ZIP archive or another Office file, not a Word document. Choose your CV as .docx or PDF, or paste the text.");
            }

            if (main.Length > MaxUnpackedDocumentBytes)
            {
                return Refuse("This Word document is too large to read. Save it as PDF, or paste the text.");
            }
        }

        using var document = WordprocessingDocument.Open(new MemoryStream(content), isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return Refuse(Unreadable);
        }

        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text run:
                        text.Append(run.Text);
                        break;
                    case TabChar:
                        text.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                }
            }

            text.Append('\n');
            if (text.Length > CvDocument.MaxTextLength)
            {
                break;
            }
        }

        return text.ToString().Any(char.IsLetterOrDigit)
            ? Finish(text.ToString(), CvFormat.Docx)
            : Refuse("This Word document has no text to read. Paste the text instead.");
    }

    /// <summary>Line breaks made plain, invisible characters removed, at most one blank line in a row, cut at the length a CV may have.</summary>
    private static Result<CvText> Finish(string raw, CvFormat format)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = Invisible().Replace(text, "");
        text = TrailingSpaces().Replace(text, "\n");
        text = ExtraBlankLines().Replace(text, "\n\n").Trim();
        if (text.Length == 0)
        {
            return Refuse("This file has no text to read. Paste the text instead.");
        }

        var truncated = text.Length > CvDocument.MaxTextLength;
        return new CvText(truncated ? text[..CvDocument.MaxTextLength] : text, format, truncated);
    }

    private static Result<CvText> Refuse(string message) => Error.Validation("File", message);

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000E-\u001F\u007F\u200B\uFEFF]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"[ \t\f]+\n")]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();

    [LoggerMessage(Level = LogLevel.Information, Message = "An uploaded CV of {Bytes} bytes could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, int bytes);
}
