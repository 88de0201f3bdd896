package io.benchledger.site.pages;

/**
 * What every page's layout shows around its content (templates/site/layout.html).
 *
 * @param root relative path from the page to the site root ("" or "../")
 * @param nav the navigation section the page belongs to
 * @param asOf the time the page's data is as of
 * @param charts the page's chart data scripts, relative to the page and separated by spaces; empty for none
 */
public record PageFrame(String root, String pageTitle, String siteTitle, String project, String nav, String asOf,
                        String charts) {

    public PageFrame withAsOf(String time) {
        return new PageFrame(root, pageTitle, siteTitle, project, nav, time, charts);
    }

    public PageFrame withCharts(String script) {
        return new PageFrame(root, pageTitle, siteTitle, project, nav, asOf, script);
    }
}
