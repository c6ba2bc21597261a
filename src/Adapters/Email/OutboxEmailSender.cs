using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Workflows.Email;

namespace Workflows.Adapters.Email;

/// <summary>
/// The embedded default: each email becomes an .eml file in an outbox folder, named by its idempotency key so a
/// retried send finds the file and writes nothing. Any mail program opens the files; tests read them back.
/// </summary>
public sealed class OutboxEmailSender : IEmailSender
{
    private readonly string directory;
    private readonly EmailAddress from;
    private readonly TimeProvider time;

    /// <summary>Creates a sender writing to <paramref name="directory"/> (created when missing).</summary>
    public OutboxEmailSender(string directory, EmailAddress from, TimeProvider time)
    {
        this.directory = Path.GetFullPath(directory);
        this.from = from;
        this.time = time;
        System.IO.Directory.CreateDirectory(this.directory);
    }

    /// <summary>The outbox folder.</summary>
    public string Folder => directory;

    /// <summary>The file an email with <paramref name="idempotencyKey"/> is written to.</summary>
    public string PathFor(string idempotencyKey) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32] + ".eml");

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellation = default)
    {
        EmailGuard.Check(message);

        var path = PathFor(message.IdempotencyKey);
        if (File.Exists(path))
        {
            return;
        }

        using var mime = ToMime(message);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var stream = File.Create(temporary))
        {
            await mime.WriteToAsync(stream, cancellation).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: false);
    }

    private MimeMessage ToMime(EmailMessage message) =>
        MimeMessages.Create(message, from, time.GetUtcNow(), $"{Path.GetFileNameWithoutExtension(PathFor(message.IdempotencyKey))}@outbox.local");
}
