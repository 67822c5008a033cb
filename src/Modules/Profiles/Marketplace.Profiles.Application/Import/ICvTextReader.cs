using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Domain.Cv;

namespace Marketplace.Profiles.Application.Import;

/// <summary>The text of an uploaded CV, its format, and whether it was cut at the length a CV may have.</summary>
public sealed record CvText(string Text, CvFormat Format, bool Truncated);

/// <summary>
/// Reads the text out of an uploaded CV (PDF, DOCX or plain text, told apart by their content, not their name). A file it
/// cannot read (damaged, password-protected, a scan without text, something else renamed) is a validation error on
/// "File" whose message says what to do instead; implemented by the Profiles infrastructure.
/// </summary>
public interface ICvTextReader
{
    Result<CvText> Read(string? fileName, byte[] content);
}
