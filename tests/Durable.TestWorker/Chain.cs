namespace Workflows.Durable.TestWorker;

/// <summary>Calls <see cref="Step"/> the given number of times in sequence, counting up.</summary>
[DurableTask("Chain")]
internal sealed class Chain : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var count = 0;
        for (var i = 0; i < input; i++)
        {
            count = await context.CallActivityAsync<int>("Step", count);
        }

        return count;
    }
}
