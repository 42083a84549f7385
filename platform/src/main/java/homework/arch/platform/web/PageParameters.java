package homework.arch.platform.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import homework.arch.platform.paging.Cursor;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging of every list, as a resource method's {@code @BeanParam}: the {@code limit} and
 * {@code cursor} query parameters in, and out a {@code 200} whose body stays the JSON array of the
 * page's items, with an RFC 8288 {@code Link: <...>; rel="next"} header when more items may follow.
 * The link is relative (path and query), so it stays right behind the ingress; it repeats the
 * request's other parameters (the filter), the limit and the next cursor.
 *
 * <pre>{@code
 * public Response list(@QueryParam("userId") @NotNull UUID userId, @BeanParam PageParameters paging) {
 *     return paging.answer(orders.ofUser(userId, paging.request()).map(OrderResponse::from));
 * }
 * }</pre>
 */
public class PageParameters {

    /** What the 200 of a paged list says about its {@code Link} header. */
    public static final String LINK_DESCRIPTION = "Present when more items may follow: <path?...&limit=N&cursor=C>; "
            + "rel=\"next\", the same list's next page (relative to this request's URL)";

    // Every value given, not only the first: a parameter given twice is refused, not half read.
    @QueryParam(PageRequest.LIMIT)
    @Parameter(description = "How many items a page holds at most (1 to " + PageRequest.MAX_LIMIT + ")",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + PageRequest.MAX_LIMIT,
                    defaultValue = "" + PageRequest.DEFAULT_LIMIT))
    private List<String> limit;

    @QueryParam(PageRequest.CURSOR)
    @Parameter(description = "Where the page starts: the cursor of the previous page's next link, as given; "
            + "absent for the first (newest) page",
            schema = @Schema(type = SchemaType.STRING))
    private List<String> cursor;

    @Context
    private UriInfo uriInfo;

    /** The page asked for; an invalid or repeated parameter is a 400 problem naming it. */
    public PageRequest request() {
        return PageRequest.parse(limit, cursor);
    }

    /** 200: the page's items as the body, and the link to the next page when there may be one. */
    public Response answer(Page<?> page) {
        Response.ResponseBuilder ok = Response.ok(page.items());
        page.next().ifPresent(next -> ok.header(HttpHeaders.LINK, "<" + nextPage(next) + ">; rel=\"next\""));
        return ok.build();
    }

    /** This request's path and query, its other parameters as given and in order, then the limit and the next cursor. */
    private String nextPage(Cursor next) {
        URI request = uriInfo.getRequestUri();
        StringBuilder link = new StringBuilder(request.getRawPath()).append('?');
        if (request.getRawQuery() != null) {
            for (String parameter : request.getRawQuery().split("&")) {
                if (!parameter.isEmpty() && !isPaging(parameter)) {
                    link.append(parameter).append('&');
                }
            }
        }
        return link.append(PageRequest.LIMIT).append('=').append(request().limit())
                .append('&').append(PageRequest.CURSOR).append('=').append(next.encode()).toString();
    }

    private static boolean isPaging(String parameter) {
        String name;
        try {
            name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return false; // not a name we read: passed on as given
        }
        return name.equals(PageRequest.LIMIT) || name.equals(PageRequest.CURSOR);
    }
}
