package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.base.BaseObject;
import com.alibaba.datax.common.util.Configuration;

/**
 * Holds the configurations the engine injects. {@code pluginConf} is the plugin's plugin.json, the job
 * configuration is the {@code parameter} block (or a slice of it for tasks).
 */
public abstract class AbstractPlugin extends BaseObject implements Pluginable {

    private Configuration pluginJobConf;

    private Configuration pluginConf;

    private Configuration peerPluginJobConf;

    private String peerPluginName;

    @Override
    public String getPluginName() {
        return this.pluginConf == null ? null : this.pluginConf.getString("name");
    }

    @Override
    public String getDeveloper() {
        return this.pluginConf == null ? null : this.pluginConf.getString("developer");
    }

    @Override
    public String getDescription() {
        return this.pluginConf == null ? null : this.pluginConf.getString("description");
    }

    @Override
    public Configuration getPluginJobConf() {
        return this.pluginJobConf;
    }

    @Override
    public void setPluginJobConf(Configuration pluginJobConf) {
        this.pluginJobConf = pluginJobConf;
    }

    @Override
    public void setPluginConf(Configuration pluginConf) {
        this.pluginConf = pluginConf;
    }

    @Override
    public Configuration getPeerPluginJobConf() {
        return this.peerPluginJobConf;
    }

    @Override
    public void setPeerPluginJobConf(Configuration peerPluginJobConf) {
        this.peerPluginJobConf = peerPluginJobConf;
    }

    @Override
    public String getPeerPluginName() {
        return this.peerPluginName;
    }

    @Override
    public void setPeerPluginName(String peerPluginName) {
        this.peerPluginName = peerPluginName;
    }

    public void preCheck() {
    }

    public void prepare() {
    }

    public void post() {
    }

    public void preHandler(Configuration jobConfiguration) {
    }

    public void postHandler(Configuration jobConfiguration) {
    }
}
