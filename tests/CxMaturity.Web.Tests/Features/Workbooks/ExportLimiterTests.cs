using System.Net;
using CxMaturity.Web.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Features.Workbooks;

public sealed class ExportLimiterTests
{
    private static ExportLimiter Limiter(int slots, TimeSpan timeout) =>
        new(Options.Create(new WorkbookOptions { MaxConcurrentExports = slots, QueueTimeout = timeout }));

    [Fact]
    public async Task A_caller_beyond_the_limit_is_turned_away_once_the_queue_timeout_passes()
    {
        using var limiter = Limiter(1, TimeSpan.FromMilliseconds(50));
        using var first = await limiter.EnterAsync();

        var refused = await Assert.ThrowsAsync<ExportsBusyException>(() => limiter.EnterAsync());

        Assert.Equal("Too many exports are running; try again in a minute.", refused.Message);
        Assert.Equal(0, limiter.Available);
    }

    [Fact]
    public async Task A_waiting_caller_gets_the_slot_as_soon_as_it_is_given_back()
    {
        using var limiter = Limiter(2, TimeSpan.FromSeconds(10));
        var first = await limiter.EnterAsync();
        using var second = await limiter.EnterAsync();

        var third = limiter.EnterAsync();
        Assert.False(third.IsCompleted); // no slot is free, so the caller waits in line
        first.Dispose();
        first.Dispose(); // giving a lease back twice frees one slot, not two

        using var lease = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, limiter.Available);
    }

    [Fact]
    public async Task Downloads_beyond_the_limit_answer_503_with_a_sentence_and_work_again_once_a_slot_is_free()
    {
        await using var factory = new CxWebApplicationFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Workbooks:MaxConcurrentExports"] = "1",
                ["Workbooks:QueueTimeout"] = "00:00:00.200",
            },
        };
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(org.Owner.Id);
        var limiter = factory.Services.GetRequiredService<ExportLimiter>();

        using (await limiter.EnterAsync())
        {
            using var busy = await api.GetAsync(EngagementUrl(org.Round.Id));
            var problem = await busy.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Too many exports are running; try again in a minute.", problem.Detail);
            Assert.Equal("60", busy.Headers.RetryAfter?.ToString());
            await (await api.GetAsync(QuestionnaireUrl(org.Round.Id))).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        await api.DownloadAsync(EngagementUrl(org.Round.Id));
        Assert.Equal(1, limiter.Available);
    }
}
