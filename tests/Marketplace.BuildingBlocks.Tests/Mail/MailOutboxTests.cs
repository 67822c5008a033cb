using System.Collections.Concurrent;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.BuildingBlocks.Tests.Mail;

/// <summary>Mail is part of the unit of work: stored with the change or not at all, its content encrypted, sent once.</summary>
public sealed class MailOutboxTests(ToyFixture fixture) : IClassFixture<ToyFixture>, IAsyncLifetime
{
    private readonly SentMail _sent = new();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.ResetAsync();

    [Fact]
    public async Task A_mail_sent_by_a_committed_command_is_stored_encrypted_and_sent_once_as_html_and_text()
    {
        var host = await fixture.StartAsync(new ToyHostOptions { Services = _sent.Install });
        var note = new WriteNote(Guid.CreateVersion7(), "remember the milk", MailTo: "reader@notes.example");

        (await host.SendAsync(note)).IsSuccess.ShouldBeTrue();
        await host.WaitForBackgroundWorkAsync();

        var message = _sent.Messages.ShouldHaveSingleItem();
        message.Subject.ShouldBe("A note: remember the milk");
        message.MessageId.ShouldStartWith(((await StoredAsync(host)).Single().Id).ToString("N"));
        (message.TextBody ?? "").ShouldContain($"Open it:\nhttps://notes.example/{note.Id}?secret=s3cr3t-{note.Id:N}");
        (message.HtmlBody ?? "").ShouldContain($"href=\"https://notes.example/{note.Id}?secret=s3cr3t-{note.Id:N}\"");
        var stored = (await StoredAsync(host)).ShouldHaveSingleItem();
        stored.Status.ShouldBe(MailStatus.Sent);
        stored.Module.ShouldBe("notes");
        stored.ProtectedContent.ShouldNotContain("s3cr3t");
        stored.ProtectedContent.ShouldNotContain("remember the milk");

        // The job run again (Hangfire is at-least-once) finds it sent.
        (await host.InScopeAsync(s => s.GetRequiredService<MailDelivery>().TrySendAsync(stored.Id, CancellationToken.None))).ShouldBeFalse();
        _sent.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_command_refused_after_it_sent_mail_stores_and_sends_none()
    {
        var host = await fixture.StartAsync(new ToyHostOptions { Services = _sent.Install });

        var refused = await host.SendAsync(new WriteNote(Guid.CreateVersion7(), "never mind", MailTo: "reader@notes.example", RefuseAfterWriting: true));
        await host.WaitForBackgroundWorkAsync();

        refused.IsFailure.ShouldBeTrue();
        (await StoredAsync(host)).ShouldBeEmpty();
        (await host.NoteIdsAsync()).ShouldBeEmpty();
        _sent.Messages.ShouldBeEmpty();
    }

    private static Task<List<OutgoingMail>> StoredAsync(ToyHost host) =>
        host.InScopeAsync(s => s.GetRequiredService<MailDbContext>().Messages.AsNoTracking().ToListAsync());

    private sealed class SentMail
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();

        public IReadOnlyCollection<MimeMessage> Messages => [.. _messages];

        public void Install(IServiceCollection services) => services.Decorate<IMailTransport>(_ => new Recorder(this));

        private sealed class Recorder(SentMail sent) : IMailTransport
        {
            public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
            {
                sent._messages.Enqueue(message);
                return Task.CompletedTask;
            }
        }
    }
}
