using System.Text;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Infrastructure.Import;
using Marketplace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Profiles.Tests.Import;

public sealed class CvTextReaderTests
{
    private readonly CvTextReader _reader = new(NullLogger<CvTextReader>.Instance);

    [Fact]
    public void A_pdf_is_read_by_its_content_whatever_its_name()
    {
        var read = _reader.Read("cv.bin", CvFiles.Pdf(CvFiles.KnownCvLines));

        read.IsSuccess.ShouldBeTrue(read.IsFailure ? read.FirstError.Message : "");
        read.Value.Format.ShouldBe(CvFormat.Pdf);
        read.Value.Text.ShouldContain("5 years of Go in production");
        read.Value.Text.ShouldContain("Kubernetes");
    }

    [Fact]
    public void A_docx_is_read_paragraph_by_paragraph()
    {
        var read = _reader.Read("cv.docx", CvFiles.Docx(CvFiles.KnownCvLines));

        read.Value.Format.ShouldBe(CvFormat.Docx);
        read.Value.Text.Split('\n').ShouldBe(CvFiles.KnownCvLines);
    }

    [Fact]
    public void Plain_text_is_read_as_utf8_utf16_or_latin1()
    {
        _reader.Read("cv.txt", Encoding.UTF8.GetBytes("Café: C# and Go\r\n")).Value.Text.ShouldBe("Café: C# and Go");
        _reader.Read("cv.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Café: C#")]).Value.Text.ShouldBe("Café: C#");
        _reader.Read("cv.txt", Encoding.Latin1.GetBytes("Café: C#")).Value.Text.ShouldBe("Café: C#");
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "corrupt", "cv.pdf", "damaged" },
        { "encrypted", "cv.pdf", "password" },
        { "image-only", "scan.pdf", "only images" },
        { "renamed binary", "cv.pdf", "not a PDF, a Word document (.docx) or plain text, although its name ends in .pdf" },
        { "old or encrypted Word", "cv.doc", "old Word (.doc) file or a password-protected document" },
        { "zip", "cv.docx", "not a Word document" },
        { "blank text", "cv.txt", "no text" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public void A_file_that_cannot_be_read_gets_a_message_that_says_what_to_do(string kind, string name, string message)
    {
        var content = kind switch
        {
            "corrupt" => CvFiles.CorruptPdf(),
            "encrypted" => CvFiles.EncryptedPdf(),
            "image-only" => CvFiles.ImageOnlyPdf(),
            "renamed binary" => CvFiles.Png(8, 8),
            "old or encrypted Word" => CvFiles.OleCompound(),
            "zip" => CvFiles.Zip(),
            _ => "  \n\t \n"u8.ToArray(),
        };

        var read = _reader.Read(name, content);

        read.IsFailure.ShouldBeTrue($"{kind} was read as: {(read.IsSuccess ? read.Value.Text : "")}");
        read.FirstError.Field.ShouldBe("File");
        read.FirstError.Message.ShouldContain(message);
    }

    [Fact]
    public void A_very_long_text_is_cut_at_the_length_a_cv_may_have_and_says_so()
    {
        var read = _reader.Read("cv.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("C# and Go. ", 20_000))));

        read.Value.Truncated.ShouldBeTrue();
        read.Value.Text.Length.ShouldBe(CvDocument.MaxTextLength);
    }
}
