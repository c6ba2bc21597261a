using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Workflows.Adapters.Tests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 for tests: speaks enough ESMTP (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, QUIT)
/// for MailKit, keeps what it receives, and can be told to turn the next messages away with a transient 451.
/// </summary>
internal sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;
    private int rejectNext;

    public SmtpListener()
    {
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>What arrived: envelope sender, envelope recipients, the user it signed in as, and the message.</summary>
    public List<(string From, IReadOnlyList<string> To, string? User, MimeMessage Message)> Received { get; } = [];

    /// <summary>Turns the next <paramref name="count"/> messages away at the end of DATA with 451.</summary>
    public void RejectNext(int count) => Interlocked.Exchange(ref rejectNext, count);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving;
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // One conversation at a time is all the sender under test needs.
            using (client)
            {
                await ConverseAsync(client.GetStream());
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 127.0.0.1 test ESMTP");
        string? from = null;
        string? user = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync(stopping.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteAsync("250-127.0.0.1\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 SIZE 10485760\r\n");
                    break;
                case "AUTH":
                    var parts = line.Split(' ');
                    var initial = parts.Length > 2 ? parts[2] : await AskAsync(writer, reader);
                    user = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0')[1];
                    await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 Ok");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 2.1.5 Ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(stopping.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    if (Interlocked.Decrement(ref rejectNext) >= 0)
                    {
                        await writer.WriteLineAsync("451 4.3.0 Try again later");
                        break;
                    }

                    using (var content = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                    {
                        var message = await MimeMessage.LoadAsync(content);
                        lock (Received)
                        {
                            Received.Add((from ?? string.Empty, to.ToList(), user, message));
                        }
                    }

                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 Ok");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                    break;
            }
        }
    }

    private async Task<string> AskAsync(StreamWriter writer, StreamReader reader)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync(stopping.Token) ?? string.Empty;
    }

    private static string Address(string line) => line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
}
