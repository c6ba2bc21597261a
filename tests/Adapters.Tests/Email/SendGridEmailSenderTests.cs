using System.Net;
using System.Text;
using System.Text.Json;
using Workflows.Email;
using Workflows.Network.Storage;

using Workflows.TestSupport;

namespace Workflows.Adapters.Tests.Email;

public sealed class SendGridEmailSenderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "sendgrid-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteRegistryStore ledger;

    public SendGridEmailSenderTests() => ledger = new SqliteRegistryStore(Path.Combine(directory, "registry.db"));

    [Fact]
    public async Task Sends_the_v3_mail_send_request_through_SendGrids_client_once_per_idempotency_key()
    {
        var port = FreePorts.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var requests = new List<(string Path, string? Auth, string ContentType, JsonElement Body)>();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
                lock (requests)
                {
                    requests.Add((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], context.Request.ContentType ?? string.Empty, body));
                }

                context.Response.StatusCode = 202;
                context.Response.Close();
            }
        });

        using var http = new HttpClient();
        var sender = new SendGridEmailSender(
            http,
            new SendGridOptions { ApiKey = "SG.test-key", From = new EmailAddress("nettverk@ahus.example", "Nettverket"), Endpoint = new Uri($"http://127.0.0.1:{port}/") },
            ledger);
        var message = new EmailMessage
        {
            IdempotencyKey = "onboarding-rn-1:abc:3",
            To = [new EmailAddress("kari@lorenskog.example", "Kari Nordmann")],
            Cc = [new EmailAddress("leder@lorenskog.example")],
            Subject = "Velkommen",
            TextBody = "Hei Kari",
            HtmlBody = "<p>Hei Kari</p>",
            Attachments = [new EmailAttachment("brev.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46])],
        };

        await sender.SendAsync(message);
        await sender.SendAsync(message);
        listener.Stop();
        await serving;

        var (path, auth, contentType, body) = Assert.Single(requests);
        Assert.Equal("/v3/mail/send", path);
        Assert.Equal("Bearer SG.test-key", auth);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var personalization = Assert.Single(body.GetProperty("personalizations").EnumerateArray());
        Assert.Equal("kari@lorenskog.example", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("Kari Nordmann", personalization.GetProperty("to")[0].GetProperty("name").GetString());
        Assert.Equal("leder@lorenskog.example", personalization.GetProperty("cc")[0].GetProperty("email").GetString());
        Assert.Equal("nettverk@ahus.example", body.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Velkommen", body.GetProperty("subject").GetString());
        Assert.Equal(["text/plain", "text/html"], body.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        var attachment = Assert.Single(body.GetProperty("attachments").EnumerateArray());
        Assert.Equal("JVBERg==", attachment.GetProperty("content").GetString());
        Assert.Equal("brev.pdf", attachment.GetProperty("filename").GetString());
        Assert.Equal("onboarding-rn-1:abc:3", personalization.GetProperty("custom_args").GetProperty("idempotency_key").GetString());
        Assert.Equal("onboarding-rn-1:abc:3", personalization.GetProperty("headers").GetProperty("X-Idempotency-Key").GetString());
        Assert.True(await ledger.WasRecordedAsync("email", "onboarding-rn-1:abc:3"));
    }

    [Fact]
    public async Task A_refused_request_is_not_recorded_so_a_retry_sends_it()
    {
        var port = FreePorts.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = 503;
            context.Response.Close();
        });
        using var http = new HttpClient();
        var sender = new SendGridEmailSender(
            http, new SendGridOptions { ApiKey = "k", From = new EmailAddress("a@b.example"), Endpoint = new Uri($"http://127.0.0.1:{port}/") }, ledger);

        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(new EmailMessage
        {
            IdempotencyKey = "k-1", To = [new EmailAddress("x@y.example")], Subject = "s", TextBody = "t",
        }));
        await serving;
        Assert.False(await ledger.WasRecordedAsync("email", "k-1"));
    }

    public void Dispose()
    {
        ledger.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

}
