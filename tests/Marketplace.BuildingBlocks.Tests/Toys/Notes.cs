using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Tests.Toys.Notes;

// A toy module that only the building blocks' tests compose: notes, written by a command that publishes NoteWritten
// (and may send mail), in the schema toy_notes. Its layers are this namespace of the test assembly.

public sealed class Note
{
    public Guid Id { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset WrittenAt { get; init; }
}

public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "toy_notes";

    public override string Schema => SchemaName;

    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.HasKey(n => n.Id);
            note.Property(n => n.Id).ValueGeneratedNever();
            note.Property(n => n.Text).HasMaxLength(200);
        });
    }
}

[IntegrationEvent("notes.note-written")]
public sealed record NoteWritten(Guid EventId, DateTimeOffset OccurredAt, Guid NoteId, string Text) : IIntegrationEvent;

public sealed record NoteDto(Guid Id, string Text);

/// <summary>Writes a note (its id chosen by the client, so a test can tell whether it was stored); may mail someone about it.</summary>
public sealed record WriteNote(Guid Id, string? Text, string? MailTo = null, bool RefuseAfterWriting = false) : ICommand<Result<NoteDto>>;

public sealed class WriteNoteValidator : AbstractValidator<WriteNote>
{
    public WriteNoteValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Text).NotEmpty().MaximumLength(200);
    }
}

public sealed class WriteNoteHandler(NotesDbContext db, IIntegrationEventPublisher events, IMailOutbox mail, TimeProvider clock)
    : ICommandHandler<WriteNote, Result<NoteDto>>
{
    public ValueTask<Result<NoteDto>> Handle(WriteNote command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Notes.Add(new Note { Id = command.Id, Text = command.Text!, WrittenAt = now });
        events.Publish(new NoteWritten(Guid.CreateVersion7(now), now, command.Id, command.Text!));
        if (command.MailTo is { } to)
        {
            mail.Send(new MailMessage(to, $"A note: {command.Text}", [command.Text!], new MailAction("Open it", $"https://notes.example/{command.Id}?secret=s3cr3t-{command.Id:N}")));
        }

        return ValueTask.FromResult(command.RefuseAfterWriting
            ? Result<NoteDto>.Failure(Error.Conflict("note.refused", "Refused after writing, as a test asked."))
            : Result.Success(new NoteDto(command.Id, command.Text!)));
    }
}

/// <summary>Writes many notes in one transaction: one commit, many events.</summary>
public sealed record WriteNotes(int Count, string Prefix) : ICommand<Result<IReadOnlyList<Guid>>>;

public sealed class WriteNotesHandler(NotesDbContext db, IIntegrationEventPublisher events, TimeProvider clock)
    : ICommandHandler<WriteNotes, Result<IReadOnlyList<Guid>>>
{
    public ValueTask<Result<IReadOnlyList<Guid>>> Handle(WriteNotes command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = new List<Guid>();
        for (var i = 0; i < command.Count; i++)
        {
            var note = new Note { Id = Guid.CreateVersion7(now), Text = $"{command.Prefix} {i}", WrittenAt = now };
            db.Notes.Add(note);
            events.Publish(new NoteWritten(Guid.CreateVersion7(now), now, note.Id, note.Text));
            ids.Add(note.Id);
        }

        return ValueTask.FromResult(Result.Success<IReadOnlyList<Guid>>(ids));
    }
}

public static class NotesModule
{
    public static ModuleDescriptor Descriptor { get; } = ToyModules.Describe("Notes", NotesDbContext.SchemaName, typeof(NotesDbContext));
}
