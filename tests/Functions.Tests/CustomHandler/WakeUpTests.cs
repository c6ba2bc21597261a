using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Durable;
using Workflows.Email;
using Workflows.Functions.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.CustomHandler;

/// <summary>
/// The host as deployed, on a real Azurite: the backend on DurableTask.AzureStorage runs orchestrations by itself, and
/// a durable timer that falls due while the app is stopped (scaled to zero) leaves a notice in the wake-up queue, which
/// the Functions host turns into a start of the app and an invocation of the wake-up trigger.
/// </summary>
public sealed class WakeUpTests(Azurite azurite) : IClassFixture<Azurite>
{
    private readonly string taskHub = "q" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task OnDurableTaskAzureStorage_AnOrchestrationRunsToTheEnd()
    {
        using var factory = Host();
        var id = await factory.Durable.ScheduleNewOrchestrationInstanceAsync("Echo", new { network = "Ahus" });

        OrchestrationMetadata? done = null;
        await Progress.WhileMovingAsync(
            async token => done = await factory.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, token),
            () => 0,
            "the orchestration never finished on DurableTask.AzureStorage");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal("Ahus", done.ReadOutputAs<JsonElement>().GetProperty("network").GetString());
    }

    [Fact]
    public async Task TheQueueTriggersInvocation_IsAcknowledged()
    {
        using var factory = Host();
        using var http = factory.CreateClient();

        var response = await http.PostAsJsonAsync("/EngineWakeUp", new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = "wake up" },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = 1 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("without a due-work notice", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReminderDueWhileTheAppIsStopped_GoesOutOnce_WhenTheFunctionsHostStartsTheAppForItsNotice()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "functions-tests", Guid.NewGuid().ToString("N"));
        var outbox = Path.Combine(dataDirectory, "outbox");
        var queue = new QueueClient(azurite.ConnectionString, WakeUpQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        // The app runs, the reminder's orchestration starts its timer, and the app stops before the timer is due.
        string instanceId;
        using (var running = Host(dataDirectory, withReminder: true))
        {
            instanceId = await running.Durable.ScheduleNewOrchestrationInstanceAsync("Reminder", "kari@example.no");
            await Progress.WhileMovingAsync(
                async token =>
                {
                    while (!await queue.ExistsAsync(token) || (await queue.GetPropertiesAsync(token)).Value.ApproximateMessagesCount == 0)
                    {
                        await Task.Delay(100, token);
                    }
                },
                () => 0,
                "the reminder's timer left no notice in the wake-up queue");
        }

        Assert.Empty(Sent(outbox));

        // The Functions host sees the notice when it becomes visible, starts the app and delivers the notice to it.
        Azure.Storage.Queues.Models.QueueMessage? notice = null;
        await Progress.WhileMovingAsync(
            async token =>
            {
                while ((notice = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5), token)).Value) is null)
                {
                    await Task.Delay(250, token);
                }
            },
            () => 0,
            "the notice never became visible");
        Assert.Empty(Sent(outbox));
        Assert.Equal(instanceId, DueWorkNotice.Parse(notice!.MessageText)!.InstanceId);

        using var woken = Host(dataDirectory, withReminder: true);
        using var http = woken.CreateClient();
        var response = await http.PostAsJsonAsync("/EngineWakeUp", new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = notice.MessageText },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = notice.DequeueCount },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await queue.DeleteMessageAsync(notice.MessageId, notice.PopReceipt);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await woken.Durable.GetInstanceAsync(instanceId))!.RuntimeStatus);
        Assert.Single(Sent(outbox));
    }

    private string WakeUpQueue => taskHub + "-wakeup";

    private static string[] Sent(string outbox) => Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [];

    private HostFactory Host(string? dataDirectory = null, bool withReminder = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Durable:Store"] = "AzureStorage",
            ["Durable:ConnectionString"] = azurite.ConnectionString,
            ["Durable:MaxQueuePollingIntervalSeconds"] = "0.5",
            ["Host:TaskHub"] = taskHub,
            [Functions.CustomHandler.FunctionManifest.WakeUpQueueSetting] = WakeUpQueue,
        };
        if (dataDirectory is not null)
        {
            settings["Host:DataDirectory"] = dataDirectory;
        }

        return new HostFactory
        {
            Settings = settings,
            ExtraServices = withReminder ? services => services.Configure<DurableTaskRegistry>(Microsoft.Extensions.Options.Options.DefaultName, r => r
                .AddActivity<SendTestReminder>()
                .AddOrchestratorFunc<string, string>("Reminder", async (ctx, to) =>
                {
                    // Long enough for the app to be stopped first on a loaded machine.
                    await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddSeconds(30), CancellationToken.None);
                    await ctx.CallActivityAsync(nameof(SendTestReminder), to);
                    return "sent";
                })) : null,
        };
    }

    /// <summary>Mails the reminder through the host's sender, keyed by its instance: a second delivery sends nothing.</summary>
    private sealed class SendTestReminder(IEmailSender sender) : TaskActivity<string, string>
    {
        public override async Task<string> RunAsync(TaskActivityContext context, string to)
        {
            await sender.SendAsync(new EmailMessage
            {
                IdempotencyKey = "reminder:" + context.InstanceId,
                To = [new EmailAddress(to)],
                Subject = "Påminnelse",
                TextBody = "Hei! Dette er en påminnelse.",
            });
            return to;
        }
    }
}
