package io.cloudmq.controlplane.topic;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.TopicView;
import io.cloudmq.api.topic.UpdateTopicRequest;
import io.cloudmq.controlplane.shared.web.ETags;
import io.cloudmq.controlplane.shared.web.PageCursor;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/instances/{instanceId}/topics")
class TopicController {
    private final TopicService topics;

    TopicController(TopicService topics) {
        this.topics = topics;
    }

    @PostMapping
    ResponseEntity<TopicView> create(@PathVariable String instanceId, @Valid @RequestBody CreateTopicRequest request) {
        TopicView topic = topics.create(instanceId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/instances/" + instanceId + "/topics/" + topic.name()))
                .eTag(ETags.of(topic.version()))
                .body(topic);
    }

    @GetMapping
    PageView<TopicView> list(
            @PathVariable String instanceId,
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return topics.list(instanceId, PageCursor.parse(pageToken, pageSize));
    }

    @GetMapping("/{topicName}")
    ResponseEntity<TopicView> get(@PathVariable String instanceId, @PathVariable String topicName) {
        return withETag(topics.get(instanceId, topicName));
    }

    @PatchMapping("/{topicName}")
    ResponseEntity<TopicView> update(
            @PathVariable String instanceId,
            @PathVariable String topicName,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody UpdateTopicRequest request) {
        return withETag(topics.update(instanceId, topicName, request, ETags.expectedVersion(ifMatch)));
    }

    @DeleteMapping("/{topicName}")
    ResponseEntity<Void> delete(
            @PathVariable String instanceId,
            @PathVariable String topicName,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        topics.delete(instanceId, topicName, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TopicView> withETag(TopicView topic) {
        return ResponseEntity.ok().eTag(ETags.of(topic.version())).body(topic);
    }
}
